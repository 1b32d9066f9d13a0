using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Domain.Members;
using Portal.Domain.Organisation;

namespace Portal.Data.Seeding;

/// <summary>
/// The demo's councillors: parties and wards as data, each councillor with a ward, party, term
/// and the contact details they publish, the bodies' seats and quorum, and a register of
/// interests. The source documents name no councillor, so every one is marked as made up for the
/// demo: York's wards and parties of 2007, and in the Swedish demo Nybro's ledamöter and ersättare
/// of the riksdag parties.
/// </summary>
internal static class DemoMembersSeeder
{
    private static readonly (string Name, string Short, bool Group)[] EnglishParties =
        [("Liberal Democrats", "LD", true), ("Labour", "Lab", true), ("Conservative", "Con", true), ("Green", "Grn", true), ("Independent", "Ind", false)];

    private static readonly string[] YorkWards =
        ["Guildhall", "Heworth", "Acomb", "Clifton", "Fishergate", "Holgate", "Micklegate", "Westfield", "Huntington and New Earswick", "Rural West York", "Fulford", "Strensall"];

    // Name, ward index, party index, email (null: none published).
    private static readonly (string Name, int Ward, int Party)[] EnglishOthers =
    [
        ("Cllr Andrew Waller", 7, 0), ("Cllr Sian Wiseman", 3, 1), ("Cllr Paul Firth", 9, 2), ("Cllr Dave Merrett", 6, 1),
        ("Cllr Ann Reid", 9, 0), ("Cllr Brian Watson", 2, 1), ("Cllr Christian Vassie", 1, 0), ("Cllr Julie Gunnell", 6, 1),
        ("Cllr Keith Orrell", 8, 0), ("Cllr Madeleine Kirk", 2, 0), ("Cllr Nigel Ayre", 1, 0), ("Cllr Ruth Hyman", 5, 0),
        ("Cllr Sonja Crisp", 5, 1), ("Cllr Tracey Simpson-Laing", 3, 1), ("Cllr David Taylor", 4, 3), ("Cllr Ian Gillies", 10, 2),
        ("Cllr Mark Hill", 11, 4), ("Cllr Steve Galloway", 7, 0), ("Cllr Richard Watson", 0, 0), ("Cllr Jenny Brooks", 10, 2),
    ];

    private static readonly (string Name, string Short)[] SwedishParties =
    [
        ("Socialdemokraterna", "S"), ("Moderaterna", "M"), ("Centerpartiet", "C"), ("Sverigedemokraterna", "SD"),
        ("Kristdemokraterna", "KD"), ("Liberalerna", "L"), ("Vänsterpartiet", "V"), ("Miljöpartiet", "MP"),
    ];

    private static readonly (string Name, int Ward, int Party, CouncilSeat Seat)[] SwedishOthers =
    [
        ("Anna Lindqvist", 0, 0, CouncilSeat.Member), ("Peter Nilsson", 1, 0, CouncilSeat.Member), ("Karin Johansson", 1, 2, CouncilSeat.Member),
        ("Mikael Svensson", 0, 3, CouncilSeat.Member), ("Eva Karlsson", 1, 4, CouncilSeat.Member), ("Stefan Persson", 0, 5, CouncilSeat.Member),
        ("Maria Olsson", 1, 6, CouncilSeat.Member), ("Jonas Andersson", 0, 7, CouncilSeat.Member), ("Ulla Gustafsson", 0, 1, CouncilSeat.Member),
        ("Henrik Larsson", 1, 3, CouncilSeat.Member), ("Sara Eriksson", 0, 0, CouncilSeat.Substitute), ("Olof Berglund", 1, 1, CouncilSeat.Substitute),
        ("Linnea Holm", 0, 2, CouncilSeat.Substitute), ("Göran Axelsson", 1, 3, CouncilSeat.Substitute),
    ];

    /// <summary>The York demo's other councillors, as people of the demo council (no sign-in).</summary>
    public static IReadOnlyList<DemoPerson> EnglishPeople { get; } =
        EnglishOthers.Select((o, i) => new DemoPerson($"councillor-{i + 1}", o.Name, "Councillor", "exec", null, null, null, IsCouncillor: true)).ToList();

    /// <summary>Nybro's other ledamöter and ersättare in kommunfullmäktige.</summary>
    public static IReadOnlyList<DemoPerson> SwedishPeople { get; } =
        SwedishOthers.Select((o, i) => new DemoPerson(
            $"councillor-{i + 1}", o.Name, o.Seat == CouncilSeat.Member ? "Ledamot i kommunfullmäktige" : "Ersättare i kommunfullmäktige", "ks", null, null, null, IsCouncillor: true)).ToList();

    public static async Task SeedAsync(PortalDbContext db, InstallationKind kind, Dictionary<string, Person> people, DateOnly today, CancellationToken ct)
    {
        var english = kind == InstallationKind.EnglishDemo;
        var parties = english
            ? EnglishParties.Select(p => Party.Create(p.Name, p.Short, p.Group)).ToList()
            : SwedishParties.Select(p => Party.Create(p.Name, p.Short)).ToList();
        var wards = (english ? YorkWards : ["Valkrets Nybro norra", "Valkrets Nybro södra"]).Select(Ward.Create).ToList();
        db.Parties.AddRange(parties);
        db.Wards.AddRange(wards);
        var others = english
            ? EnglishOthers.Select(o => (o.Name, o.Ward, o.Party, Seat: CouncilSeat.Member)).ToList()
            : SwedishOthers.Select(o => (o.Name, o.Ward, o.Party, o.Seat)).ToList();
        var extra = others.Select((_, i) => people[$"councillor-{i + 1}"]).ToList();
        await db.SaveChangesAsync(ct);

        var elected = english ? new DateOnly(2007, 5, 7) : new DateOnly(2022, 10, 15);
        var councillors = new Dictionary<int, Councillor>();
        Councillor Add(Person person, int ward, int party, CouncilSeat seat, string? email)
        {
            var councillor = Councillor.Create(person.Id, wards[ward].Id, parties[party].Id, seat, isDemo: true);
            councillor.PublishContact(email, email is null ? null : english ? "01904 551088" : "0481-450 00", null);
            councillor.AddTerm(elected, null);
            councillors[person.Id] = councillor;
            db.Councillors.Add(councillor);
            return councillor;
        }

        if (english)
        {
            Add(people["cllr"], 0, 0, CouncilSeat.Member, "cllr.walker@york.example");
            Add(people["cllr2"], 1, 1, CouncilSeat.Member, "cllr.potter@york.example");
        }
        else
        {
            Add(people["ordf"], 0, 0, CouncilSeat.Member, "ordforande@nybro.example");
            Add(people["ledamot"], 1, 1, CouncilSeat.Member, "ledamot@nybro.example");
        }

        for (var i = 0; i < extra.Count; i++)
        {
            Add(extra[i], others[i].Ward, others[i].Party, others[i].Seat, i % 3 == 0 ? null : $"{Slug(extra[i].DisplayName)}@{(english ? "york" : "nybro")}.example");
        }

        await db.SaveChangesAsync(ct);
        var bodies = await db.Bodies.Include(b => b.Members).ToListAsync(ct);
        if (english)
        {
            await EnglishSeatsAsync(db, bodies, extra, elected, ct);
        }
        else
        {
            await SwedishSeatsAsync(db, bodies, extra, ct);
        }

        await RegisterAsync(db, english, people, councillors, today, ct);
    }

    private static async Task EnglishSeatsAsync(PortalDbContext db, List<Body> bodies, List<Person> extra, DateOnly elected, CancellationToken ct)
    {
        // The Employment Panel in balance (5 seats: LD 2, Lab 2, Con 1 of a council of LD 10, Lab 7, Con 3,
        // Grn 1); the Advisory Panel with a vacancy and no Conservative, so its page warns.
        var employment = bodies.Single(b => b.Name == "Employment Panel");
        var panel = bodies.Single(b => b.ShortName == "EMAP-CS");
        db.BodyMakeUps.Add(BodyMakeUp.For(employment.Id, 5, 3));
        db.BodyMakeUps.Add(BodyMakeUp.For(panel.Id, 5, null));
        employment.AddMember(extra[0].Id, null, MemberRole.Member);
        employment.AddMember(extra[2].Id, null, MemberRole.Member);
        employment.AddMember(extra[1].Id, null, MemberRole.Member);
        employment.AddMember(extra[5].Id, null, MemberRole.Substitute);
        panel.AddMember(extra[6].Id, null, MemberRole.Member);
        panel.AddMember(extra[9].Id, null, MemberRole.Member);
        panel.AddMember(extra[3].Id, null, MemberRole.Substitute);
        await db.SaveChangesAsync(ct);
        foreach (var member in employment.Members.Concat(panel.Members).Where(m => m.PersonId is not null && m.Role is MemberRole.Chair or MemberRole.Member or MemberRole.Substitute))
        {
            bodies.Single(b => b.Id == member.BodyId).SetTerm(member.Id, elected, null);
        }

        // The meetings already held: the new members' attendance, one apology and a substitute.
        var held = await db.Meetings.Include(m => m.Attendance).Where(m => (m.BodyId == employment.Id || m.BodyId == panel.Id) && m.Status == MeetingStatus.Held).ToListAsync(ct);
        foreach (var meeting in held)
        {
            if (meeting.BodyId == employment.Id)
            {
                meeting.RecordAttendance(extra[0].Id, AttendanceKind.Present);
                meeting.RecordAttendance(extra[2].Id, AttendanceKind.Apologies);
                meeting.RecordAttendance(extra[1].Id, AttendanceKind.Present);
                meeting.RecordAttendance(extra[5].Id, AttendanceKind.Substitute);
            }
            else
            {
                meeting.RecordAttendance(extra[6].Id, AttendanceKind.Present);
                meeting.RecordAttendance(extra[9].Id, AttendanceKind.Present);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SwedishSeatsAsync(PortalDbContext db, List<Body> bodies, List<Person> extra, CancellationToken ct)
    {
        var ksau = bodies.Single(b => b.ShortName == "KSAU");
        db.BodyMakeUps.Add(BodyMakeUp.For(ksau.Id, 5, null));
        ksau.AddMember(extra[3].Id, null, MemberRole.Member);
        ksau.AddMember(extra[10].Id, null, MemberRole.Substitute);
        ksau.AddMember(extra[11].Id, null, MemberRole.Substitute);
        await db.SaveChangesAsync(ct);
    }

    private static async Task RegisterAsync(PortalDbContext db, bool english, Dictionary<string, Person> people, Dictionary<int, Councillor> councillors, DateOnly today, CancellationToken ct)
    {
        var by = english ? "Quentin Baker" : "Oskar Lund";
        var first = councillors[people[english ? "cllr" : "ordf"].Id];
        var second = councillors[people[english ? "cllr2" : "ledamot"].Id];
        var registered = today.AddDays(-40);
        RegisteredInterest Entry(Councillor c, InterestCategory category, string particulars, bool publish, bool sensitive = false, InterestHolder holder = InterestHolder.Councillor, string? giver = null, decimal? value = null)
        {
            var interest = RegisteredInterest.Register(
                c.Id, new InterestEntry(category, holder, particulars, giver, value, giver is null ? null : registered.AddDays(-10), sensitive), 50m, registered, by);
            if (publish)
            {
                interest.Publish(registered.AddDays(2), by);
            }

            db.RegisteredInterests.Add(interest);
            return interest;
        }

        if (english)
        {
            Entry(first, InterestCategory.Employment, "Partner, Walker and Dunn Solicitors, Coney Street, York", publish: true);
            Entry(first, InterestCategory.Land, "Home in the Guildhall ward", publish: true, sensitive: true);
            Entry(first, InterestCategory.OtherRegistrable, "Trustee, York Citizens Advice", publish: true);
            Entry(first, InterestCategory.GiftOrHospitality, "Dinner at the York Chamber of Trade annual dinner", publish: true, giver: "York Chamber of Trade", value: 65m);
            Entry(second, InterestCategory.Employment, "Lecturer in public administration, York St John University", publish: true);
            Entry(second, InterestCategory.Securities, "Shares over £25,000 in Yorkshire Water Services Ltd", publish: true, holder: InterestHolder.SpouseOrPartner);
            Entry(second, InterestCategory.OtherRegistrable, "Governor, Heworth Church of England Primary School", publish: false);
        }
        else
        {
            Entry(first, InterestCategory.Employment, "Ordförande i kommunstyrelsen (heltidsarvoderad)", publish: true);
            Entry(first, InterestCategory.OtherRegistrable, "Styrelseledamot, Nybro Bostad AB", publish: true);
            Entry(second, InterestCategory.Employment, "Egen företagare, Holmbergs Bygg AB", publish: true);
            Entry(second, InterestCategory.Land, "Bostad i Nybro", publish: true, sensitive: true);
            Entry(second, InterestCategory.OtherRegistrable, "Ordförande, Nybro Hembygdsförening", publish: false);
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Slug(string name) =>
        string.Join('.', name.Replace("Cllr ", string.Empty, StringComparison.Ordinal).ToLowerInvariant().Replace("ö", "o", StringComparison.Ordinal).Replace("å", "a", StringComparison.Ordinal).Replace("ä", "a", StringComparison.Ordinal).Split(' ', '-'));
}
