using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Members;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// The councillors as OParl sees them, all public as <c>/councillors</c> shows them: each a Person
/// with the ward and the contact details they chose to publish, a Membership of their party (an
/// Organization of type <c>Fraktion</c> for a political group, <c>Partei</c> otherwise) for their
/// term of office, and the council's electoral terms as LegislativeTerms. In the shared lists a
/// party and a party membership take negative ids, so they never meet a body's or a seat's.
/// </summary>
internal static class OParlCouncillors
{
    /// <summary>The membership kind (URL segment) of a councillor's party membership; its id is the councillor's.</summary>
    public const string PartyKind = "party";

    /// <summary>
    /// An electoral term starts on a day on which at least this share of the councillors' terms of office began
    /// (an election; a by-election starts none) and ends the day before the next one.
    /// </summary>
    public const double ElectionShare = 0.25;

    public sealed record Member(int CouncillorId, int PersonId, int? PartyId, string? Ward, string? Email, string? Phone, DateOnly? From, DateOnly? To, CouncilSeat Seat);

    public sealed record Term(int Id, DateOnly Start, DateOnly? End);

    /// <summary>Every councillor by person id, with the term of office current on <paramref name="today"/> (or their latest).</summary>
    public static async Task<Dictionary<int, Member>> ReadAsync(PortalDbContext db, DateOnly today, CancellationToken ct)
    {
        var wards = await db.Wards.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var councillors = await db.Councillors.AsNoTracking().Include(c => c.Terms).ToListAsync(ct);
        return councillors.ToDictionary(c => c.PersonId, c =>
        {
            var term = c.TermOn(today) ?? c.Terms.OrderBy(t => t.From).LastOrDefault();
            return new Member(c.Id, c.PersonId, c.PartyId, c.WardId is int w ? wards.GetValueOrDefault(w) : null, c.PublicEmail, c.PublicPhone, term?.From, term?.To, c.Seat);
        });
    }

    public static async Task<Dictionary<int, Party>> PartiesAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Parties.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);

    /// <summary>The council's electoral terms, oldest first; each id is its first day written yyyymmdd.</summary>
    public static async Task<List<Term>> TermsAsync(PortalDbContext db, CancellationToken ct)
    {
        var starts = await db.TermsOfOffice.AsNoTracking().Select(t => new { t.CouncillorId, t.From }).ToListAsync(ct);
        var councillors = starts.Select(s => s.CouncillorId).Distinct().Count();
        var elections = starts.GroupBy(s => s.From)
            .Where(g => g.Select(s => s.CouncillorId).Distinct().Count() >= Math.Max(1, councillors * ElectionShare))
            .Select(g => g.Key).Order().ToList();
        return elections.Select((start, i) => new Term(TermId(start), start, i + 1 < elections.Count ? elections[i + 1].AddDays(-1) : null)).ToList();
    }

    public static int TermId(DateOnly start) => (start.Year * 10000) + (start.Month * 100) + start.Day;

    public static JsonObject LegislativeTerm(OParlLinks links, Term term, OParlStamp stamp) =>
        OParlJson.Object("LegislativeTerm", links.LegislativeTerm(term.Id), stamp)
            .Set("body", links.Body)
            .Set("name", term.End is DateOnly end
                ? string.Create(CultureInfo.InvariantCulture, $"{term.Start.Year}–{end.Year}")
                : string.Create(CultureInfo.InvariantCulture, $"{term.Start.Year}–"))
            .Set("startDate", OParlJson.Date(term.Start))
            .Set("endDate", term.End is DateOnly last ? OParlJson.Date(last) : null)
            .Set("web", links.Web("/councillors"));

    /// <summary>A party or political group: its members are the councillors of it.</summary>
    public static JsonObject Organization(OParlLinks links, Party party, IEnumerable<Member> members, OParlStamp stamp)
    {
        var of = members.Where(m => m.PartyId == party.Id).OrderBy(m => m.CouncillorId).ToList();
        return OParlJson.Object("Organization", links.Party(party.Id), stamp)
            .Set("body", links.Body)
            .Set("name", party.Name)
            .Set("shortName", party.ShortName)
            .List("membership", of.Select(m => links.Membership(PartyKind, m.CouncillorId)))
            .Set("organizationType", party.IsGroup ? "Fraktion" : "Partei")
            .Set("classification", party.IsGroup ? "Political group" : "Party")
            .Set("memberCount", of.Count)
            .Set("web", links.Web(string.Create(CultureInfo.InvariantCulture, $"councillors?party={party.Id}")));
    }

    /// <summary>A councillor's membership of their party, for their term of office.</summary>
    public static JsonObject Membership(OParlLinks links, Member member, OParlStamp stamp) =>
        OParlJson.Object("Membership", links.Membership(PartyKind, member.CouncillorId), stamp)
            .Set("person", links.Person(member.PersonId))
            .Set("organization", member.PartyId is int party ? links.Party(party) : null)
            .Set("role", member.Seat == CouncilSeat.Member ? "Councillor" : "Substitute councillor")
            .Set("votingRight", member.Seat == CouncilSeat.Member)
            .Set("startDate", member.From is DateOnly from ? OParlJson.Date(from) : null)
            .Set("endDate", member.To is DateOnly to ? OParlJson.Date(to) : null);

    /// <summary>What a Person says of a councillor beyond their seats: the contact details they publish, their ward, their page.</summary>
    public static JsonObject Describe(OParlLinks links, JsonObject person, Member member) =>
        person
            .List("email", member.Email is null ? [] : [member.Email])
            .List("phone", member.Phone is null ? [] : [member.Phone])
            .List("status", [member.Seat == CouncilSeat.Member ? "Councillor" : "Substitute councillor"])
            .Set(OParlJson.Vendor + "ward", member.Ward)
            .Set("web", links.Web(string.Create(CultureInfo.InvariantCulture, $"councillors/{member.PersonId}")));

    /// <summary>The councillors' audit stamps, by person id (their record and terms change with them).</summary>
    public static async Task<Dictionary<int, OParlStamp>> StampsAsync(PortalDbContext db, IReadOnlyCollection<Member> members, CancellationToken ct)
    {
        var stamps = await OParlStamps.ReadAsync(db, nameof(Councillor), members.Select(m => m.CouncillorId).ToList(), ct);
        return members.Where(m => stamps.ContainsKey(m.CouncillorId)).ToDictionary(m => m.PersonId, m => stamps[m.CouncillorId]);
    }
}
