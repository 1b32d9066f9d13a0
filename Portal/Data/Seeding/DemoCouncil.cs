using Portal.Domain.Organisation;
using Portal.Infrastructure.Security;

namespace Portal.Data.Seeding;

/// <summary>
/// A demo council described as data: its structure, its people and who signs in as whom. The
/// English demo follows the York and Carlisle documents the portal grew from; the Swedish one
/// follows Nybro kommun's Koncernledningsgrupp (KLG).
/// </summary>
public sealed record DemoCouncil(
    InstallationKind Kind,
    string CouncilName,
    string CouncilShortName,
    IReadOnlyList<DemoUnit> Units,
    IReadOnlyList<DemoPerson> People,
    DemoPlan Plan,
    DemoThread Thread)
{
    /// <summary>The password every demo sign-in shares. It exists only in a demo database.</summary>
    public const string Password = "Portal-Demo-2026";

    public IEnumerable<DemoPerson> SignIns => People.Where(p => p.Role is not null);

    public static DemoCouncil For(InstallationKind kind) => kind switch
    {
        InstallationKind.EnglishDemo => EnglishDemo.Council,
        InstallationKind.SwedishDemo => SwedishDemo.Council,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only demo installations have a demo council."),
    };
}

/// <param name="Key">How people and child units refer to this unit.</param>
/// <param name="ParentKey">The unit above, or null for a directorate directly under the council.</param>
public sealed record DemoUnit(string Key, UnitKind Kind, string Name, string? ShortName, string? ParentKey, string? Description = null);

/// <param name="Role">The sign-in role, or null for someone without a demo sign-in.</param>
public sealed record DemoPerson(string Key, string Name, string JobTitle, string UnitKey, string? ManagerKey, string? Email, string? Role, bool IsCouncillor = false);

internal static class EnglishDemo
{
    public static readonly DemoCouncil Council = new(
        InstallationKind.EnglishDemo,
        "City of York Council",
        "CYC",
        [
            new("cex", UnitKind.Directorate, "Chief Executive's Directorate", "CEX", null,
                "Gives the council its corporate direction: strategy, performance, people and improvement, and the democratic process."),
            new("pi", UnitKind.Service, "People and Improvement", "P&I", "cex"),
            new("cs", UnitKind.Service, "City Strategy", "CS", "cex"),
            new("dem", UnitKind.Service, "Democratic Services", "DS", "cex"),
            new("perf", UnitKind.Team, "Business and Performance", null, "cs"),
            new("hr", UnitKind.Team, "Human Resources", "HR", "pi"),
            new("comm", UnitKind.Team, "Committee Support", null, "dem"),
            new("res", UnitKind.Directorate, "Resources", "RES", null,
                "Finance, legal and property services for the whole council."),
            new("fin", UnitKind.Service, "Finance", null, "res"),
            new("legal", UnitKind.Service, "Legal and Governance", null, "res"),
            new("members", UnitKind.Directorate, "Elected Members", "MEM", null,
                "The councillors: the Executive, its members and the panels that advise them."),
            new("exec", UnitKind.Service, "The Executive", null, "members"),
        ],
        [
            new("ceo", "Alex Morgan", "Chief Executive", "cex", null, "chief.executive@york.example", null),
            new("heather", "Heather Rice", "Director of People and Improvement", "pi", "ceo", "heather.rice@york.example", Roles.Director),
            new("barbara", "Barbara Boyce", "Business and Performance Manager, City Strategy", "perf", "heather", "barbara.boyce@york.example", Roles.Officer),
            new("priya", "Priya Shah", "Performance Officer", "perf", "barbara", "priya.shah@york.example", null),
            new("tom", "Tom Fielding", "Head of Human Resources", "hr", "heather", "tom.fielding@york.example", null),
            new("grace", "Grace Okafor", "Democratic Services Manager", "comm", "ceo", "grace.okafor@york.example", Roles.Officer),
            new("sam", "Sam Patel", "Systems Administrator", "cex", "grace", "admin@york.example", Roles.Administrator),
            new("dir-res", "Ian Floyd", "Director of Resources", "res", "ceo", "director.resources@york.example", null),
            new("s151", "Keith Best", "Assistant Director, Finance", "fin", "dir-res", "keith.best@york.example", null),
            new("mo", "Quentin Baker", "Head of Legal and Democratic Services", "legal", "dir-res", "quentin.baker@york.example", Roles.Officer),
            new("cllr", "Cllr Jo Walker", "Executive Member for City Strategy", "exec", null, "cllr.walker@york.example", Roles.Member, IsCouncillor: true),
            new("cllr2", "Cllr Ruth Potter", "Member, City Strategy Advisory Panel", "exec", null, "cllr.potter@york.example", Roles.Member, IsCouncillor: true),
            .. DemoMembersSeeder.EnglishPeople,
        ],
        DemoPlans.English,
        DemoThreads.English);
}

internal static class SwedishDemo
{
    public static readonly DemoCouncil Council = new(
        InstallationKind.SwedishDemo,
        "Nybro kommun",
        "NK",
        [
            new("klf", UnitKind.Directorate, "Kommunledningsförvaltningen", "KLF", null,
                "Stödjer kommunstyrelsen och samordnar kommunens verksamheter."),
            new("kansli", UnitKind.Service, "Kansli och kommunikation", null, "klf"),
            new("personal", UnitKind.Service, "Personalavdelningen", null, "klf"),
            new("komm", UnitKind.Team, "Kommunikation", null, "kansli"),
            new("soc", UnitKind.Directorate, "Socialförvaltningen", "SOC", null),
            new("skola", UnitKind.Directorate, "Barn- och utbildningsförvaltningen", "BUF", null),
            new("omsorg", UnitKind.Directorate, "Omsorgsförvaltningen", "OMF", null),
            new("sbf", UnitKind.Directorate, "Samhällsbyggnadsförvaltningen", "SBF", null),
            new("ks", UnitKind.Directorate, "Förtroendevalda", null, null, "Kommunstyrelsen och dess arbetsutskott (KSAU)."),
            new("ksau", UnitKind.Service, "Kommunstyrelsens arbetsutskott", "KSAU", "ks"),
            new("nkab", UnitKind.Directorate, "Nybro Kommunbolag AB", "NKAB", null, "Kommunens bolagskoncern, som koncernchefen leder tillsammans med bolagens vd."),
            new("energi", UnitKind.Service, "Nybro Energi AB", null, "nkab"),
            new("bostad", UnitKind.Service, "Nybro Bostad AB och AB Nybro Brunn", null, "nkab"),
        ],
        [
            new("kc", "Jan Darrell", "Kommunchef och koncernchef", "klf", null, "kommunchef@nybro.example", Roles.Director),
            new("klc", "Johan Berg", "Kommunledningschef", "klf", "kc", "kommunledningschef@nybro.example", null),
            new("socc", "Maria Holm", "Socialchef", "soc", "kc", "socialchef@nybro.example", null),
            new("skc", "Per Ekström", "Skolchef", "skola", "kc", "skolchef@nybro.example", null),
            new("omc", "Karin Sjöberg", "Omsorgschef", "omsorg", "kc", "omsorgschef@nybro.example", null),
            new("sbc", "Erik Nyström", "Samhällsbyggnadschef", "sbf", "kc", "samhallsbyggnadschef@nybro.example", null),
            new("pc", "Lena Åberg", "Personalchef", "personal", "klc", "personalchef@nybro.example", null),
            new("ks", "Sofia Dahl", "Kommunikationsstrateg", "komm", "klc", "kommunikationsstrateg@nybro.example", Roles.Officer),
            new("adm", "Oskar Lund", "Systemförvaltare", "kansli", "klc", "admin@nybro.example", Roles.Administrator),
            new("ordf", "Birgitta Strand", "Kommunstyrelsens ordförande", "ksau", null, "ordforande@nybro.example", Roles.Member, IsCouncillor: true),
            new("ledamot", "Lars Holmberg", "Ledamot i kommunstyrelsens arbetsutskott (M)", "ksau", null, "ledamot@nybro.example", Roles.Member, IsCouncillor: true),
            new("vd-energi", "Magnus Ek", "Vd Nybro Energi AB", "energi", "kc", "vd.energi@nybro.example", null),
            new("vd-bostad", "Helena Strid", "Vd Nybro Bostad AB/AB Nybro Brunn", "bostad", "kc", "vd.bostad@nybro.example", null),
            .. DemoMembersSeeder.SwedishPeople,
        ],
        DemoPlans.Swedish,
        DemoThreads.Swedish);
}
