using Portal.Components.Shared;
using Portal.Domain.Members;

namespace Portal.Features.Members.Keeping;

/// <summary>A party as its form edits it; <see cref="Version"/> 0 for a new one.</summary>
public sealed record PartyEdit(string? Name, string? ShortName, bool IsGroup, int Version = 0);

public sealed record PartyRow(int Id, int Version, string Name, string ShortName, bool IsGroup, int Councillors);

public sealed record WardRow(int Id, int Version, string Name, int Councillors);

public sealed record PartiesAndWards(IReadOnlyList<PartyRow> Parties, IReadOnlyList<WardRow> Wards);

/// <summary>The ward, party and seat a councillor's record holds, as its form edits them.</summary>
public sealed record RepresentEdit(int? WardId, int? PartyId, CouncilSeat Seat, int Version);

public sealed record TermRow(int Id, int Version, DateOnly From, DateOnly? To);

/// <summary>A councillor's record as the Monitoring Officer keeps it: ward, party, seat and terms of office.</summary>
public sealed record CouncillorRecord(
    int PersonId, int Version, string Name, int? WardId, int? PartyId, CouncilSeat Seat, IReadOnlyList<TermRow> Terms,
    IReadOnlyList<NamedItem> Wards, IReadOnlyList<NamedItem> Parties);

/// <summary>Told to open pages when a party or ward is added or changed.</summary>
public sealed record PartiesChanged;
