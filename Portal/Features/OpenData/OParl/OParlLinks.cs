using System.Globalization;

namespace Portal.Features.OpenData.OParl;

/// <summary>
/// The one canonical URL of every OParl object and list, under the portal's public address
/// (<c>Portal:PublicUrl</c>, never the request's Host). Ids are the database's own keys, which
/// never change or get reused, so an object keeps its URL for life.
/// </summary>
public sealed class OParlLinks(Uri site)
{
    public const string Root = "oparl/v1/";

    /// <summary>The council, the one OParl body the portal serves.</summary>
    public const int CouncilId = 1;

    public Uri Site { get; } = site;

    public string System => Api("system");

    public string Bodies => Api("body");

    public string Body => Api($"body/{CouncilId}");

    /// <summary>One of the council's external lists: organization, person, meeting, paper, membership, agendaItem, file, location, legislativeTerm.</summary>
    public string BodyList(string list) => Api($"body/{CouncilId}/{list}");

    public string Organization(int id) => Api($"organization/{N(id)}");

    public string OrganizationMeetings(int id) => Api($"organization/{N(id)}/meeting");

    /// <summary>A party or political group (an Organization of type Fraktion or Partei).</summary>
    public string Party(int id) => Api($"organization/party/{N(id)}");

    /// <summary>An electoral term, by its first day as yyyymmdd.</summary>
    public string LegislativeTerm(int id) => Api($"legislativeterm/{N(id)}");

    public string Person(int id) => Api($"person/{N(id)}");

    /// <summary>A seat on a body; other kinds of membership (a party, a group) get their own <paramref name="kind"/>.</summary>
    public string Membership(string kind, int id) => Api($"membership/{kind}/{N(id)}");

    public string Meeting(int id) => Api($"meeting/{N(id)}");

    public string AgendaItem(int id) => Api($"agendaitem/{N(id)}");

    /// <summary>A meeting's venue: the portal keeps a venue as the meeting's words, so each meeting has its own location.</summary>
    public string Location(int meetingId) => Api($"location/{N(meetingId)}");

    public string Paper(int id) => Api($"paper/{N(id)}");

    /// <summary>A report's consideration at its meeting: one per report.</summary>
    public string Consultation(int reportId) => Api($"consultation/{N(reportId)}");

    public string File(int id) => Api($"file/{N(id)}");

    /// <summary>A page of the portal, for an object's <c>web</c>.</summary>
    public string Web(string path) => new Uri(Site, path.TrimStart('/')).ToString();

    private string Api(string path) => new Uri(Site, Root + path).ToString();

    private static string N(int id) => id.ToString(CultureInfo.InvariantCulture);
}
