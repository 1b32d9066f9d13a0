using Portal.Components.Shared;
using Portal.Domain.Meetings;
using Portal.Domain.Members;

namespace Portal.Features.Members.Councillors;

/// <summary>What a visitor looks for: a ward, a party, part of a name.</summary>
public sealed record CouncillorQuery(int? WardId = null, int? PartyId = null, string? Name = null);

public sealed record CouncillorRow(int PersonId, string Name, string? Ward, string? Party, CouncilSeat Seat, bool IsDemo, int? PhotoVersion);

public sealed record CouncillorList(IReadOnlyList<CouncillorRow> Rows, IReadOnlyList<NamedItem> Wards, IReadOnlyList<NamedItem> Parties);

/// <summary>A seat the councillor holds on a body, with its term.</summary>
public sealed record SeatView(int BodyId, string BodyName, string Slug, MemberRole Role, DateOnly? From, DateOnly? To);

public sealed record AttendanceLine(string BodyName, AttendanceTally Tally);

public sealed record TermView(DateOnly From, DateOnly? To);

public sealed record CouncillorDetails(
    int PersonId,
    int Version,
    string Name,
    string? Ward,
    string? Party,
    CouncilSeat Seat,
    bool IsDemo,
    int? PhotoVersion,
    string? Email,
    string? Phone,
    string? Address,
    IReadOnlyList<TermView> Terms,
    IReadOnlyList<SeatView> Seats,
    IReadOnlyList<AttendanceLine> Attendance,
    AttendanceTally Total,
    bool CanEdit);

public sealed record ContactEdit(string? Email, string? Phone, string? Address, int Version);
