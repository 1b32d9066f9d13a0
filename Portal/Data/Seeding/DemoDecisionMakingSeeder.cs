using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Domain.Organisation;
using Portal.Domain.Reports;

namespace Portal.Data.Seeding;

/// <summary>
/// The demo's votes, officer and executive member decisions (with a call-in) and key decision notices.
/// York: a recorded vote approving the July 2008 minutes; an officer's key decision called in by both
/// councillors and left to stand; the Executive Member's decision of yesterday, its call-in period
/// running; an exempt officer decision; a general exception and a special urgency notice. Nybro: an
/// omröstning at KSAU, tied and settled by the ordförande's utslagsröst, with a reservation; and two
/// delegationsbeslut. Every one goes through the domain's rules, as a form would.
/// </summary>
internal static class DemoDecisionMakingSeeder
{
    public static async Task SeedAsync(PortalDbContext db, InstallationKind kind, IReadOnlyDictionary<string, Person> people, DateOnly today, CancellationToken ct)
    {
        var settings = CallInSettings.CreateDefault();
        db.CallInSettings.Add(settings);
        var holidays = (await db.MeetingSettings.SingleAsync(ct)).Holidays;
        if (kind == InstallationKind.EnglishDemo)
        {
            await EnglishAsync(db, people, today, settings, holidays, ct);
        }
        else
        {
            await SwedishAsync(db, people, today, settings, holidays, ct);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task EnglishAsync(PortalDbContext db, IReadOnlyDictionary<string, Person> people, DateOnly today, CallInSettings settings, IHolidayCalendar holidays, CancellationToken ct)
    {
        int Person(string key) => people[key].Id;
        var panel = await db.Bodies.SingleAsync(b => b.Slug == "emap-cs", ct);
        var september = await db.Meetings.Include(m => m.Items).Include(m => m.Attendance).AsSplitQuery().SingleAsync(m => m.BodyId == panel.Id && m.Date == new DateOnly(2008, 9, 8), ct);
        db.Votes.Add(Vote.Take(
            september, september.Items.Single().Id, "That the minutes of the meeting held on 14 July 2008 be approved as a correct record and signed by the Executive Member.",
            VoteTally.ByName([new BallotCast(Person("cllr"), VoteChoice.For), new BallotCast(Person("cllr2"), VoteChoice.For)]), Person("cllr"), null));

        // Three weeks ago: the director's key decision, called in by both councillors; scrutiny took no further action and it was implemented.
        var published = today.AddDays(-21);
        var system = OfficerDecision.Record(
            new OfficerDecisionText(
                "Award of the contract for the council's performance management system", DecisionMakerKind.Officer, Person("heather"),
                "Scheme of Delegation to Officers, Part 3, paragraph 4.2: directors award contracts within an approved budget (key decision, on the Forward Plan).",
                published, "To award the contract for a performance management system to the most economically advantageous of the three tenders received, for three years with an option of two more.",
                "The tender scored highest on quality and price; the present system's support ends in March.", "Extending the present contract for a year (the supplier declined); building a system in-house (more costly and slower).",
                "None declared.", null, "Tender evaluation report; Directorate Plan 2008-2011.", null, IsKeyDecision: true, SubjectToCallIn: true),
            Person("heather"), published, settings, holidays);
        db.OfficerDecisions.Add(system);
        await db.SaveChangesAsync(ct);
        var request = system.RequestCallIn(published.AddDays(3), [Person("cllr"), Person("cllr2")], "The Advisory Panel was not consulted on the choice of system.", settings.MembersNeeded);
        await db.SaveChangesAsync(ct);
        system.DecideCallIn(request.Id, CallInOutcome.NoFurtherAction, today.AddDays(-10), "The scrutiny committee heard the director and took no further action: the decision stands.");
        system.MarkImplemented(today.AddDays(-9));

        // Yesterday: the Executive Member's own decision, its call-in period still running.
        var yesterday = today.AddDays(-1);
        db.OfficerDecisions.Add(OfficerDecision.Record(
            new OfficerDecisionText(
                "City Strategy consultation plan for the coming year", DecisionMakerKind.ExecutiveMember, Person("cllr"),
                "Executive Member for City Strategy: the portfolio set out in the Constitution, Part 3 (Responsibility for Functions).",
                yesterday, "To approve the consultation plan for the City Strategy: three public meetings, an online survey and a panel of young people.",
                "The Sustainable Community Strategy asks for wider consultation than in earlier years.", "A survey alone (reaches fewer people).",
                "None declared.", null, "Report of the Business and Performance Manager.", null, IsKeyDecision: false, SubjectToCallIn: true),
            Person("grace"), yesterday, settings, holidays));

        var exempt = OfficerDecision.Record(
            new OfficerDecisionText(
                "Acting-up allowance for a member of staff", DecisionMakerKind.Officer, Person("heather"),
                "Scheme of Delegation to Officers, Part 3, paragraph 6.1: directors approve acting-up allowances.", today.AddDays(-30),
                "To pay an acting-up allowance to the named officer for covering a vacant post for three months.",
                "The post is vacant while the restructure is completed.", "Leaving the duties uncovered.", null, null, "Personnel file (exempt).", 1,
                IsKeyDecision: false, SubjectToCallIn: false),
            Person("heather"), today.AddDays(-30), settings, holidays);
        exempt.MarkImplemented(today.AddDays(-29));
        db.OfficerDecisions.Add(exempt);

        // The Forward Plan names the documents and where to get them (reg. 9(1)(e) and (f)).
        foreach (var entry in await db.ForwardPlan.ToListAsync(ct))
        {
            entry.ListDocuments("The report to the decision maker and its annexes.", "Democratic Services, West Offices, Station Rise, York YO1 6GA; democratic.services@york.example");
        }

        var nextPanel = await db.Meetings.Where(m => m.BodyId == panel.Id && m.Date > today).OrderBy(m => m.Date).FirstAsync(ct);
        db.KeyDecisionNotices.Add(KeyDecisionNotice.Publish(
            new KeyDecisionNoticeText(
                KeyDecisionNoticeKind.GeneralException, "Extra funding for the City Strategy consultation", panel.Id, nextPanel.Date,
                "The government's grant offer arrived after the Forward Plan was published and must be accepted before the end of the month.",
                "Cllr Ann Reid, Chair of the Scrutiny Management Committee", today.AddDays(-4), null),
            MinDate(today.AddDays(-3), nextPanel.Date.AddDays(-6)), null));
        var employment = await db.Bodies.SingleAsync(b => b.Slug == "employment-panel", ct);
        var nextEmployment = await db.Meetings.Where(m => m.BodyId == employment.Id && m.Date > today).OrderBy(m => m.Date).FirstAsync(ct);
        db.KeyDecisionNotices.Add(KeyDecisionNotice.Publish(
            new KeyDecisionNoticeText(
                KeyDecisionNoticeKind.SpecialUrgency, "Interim cover for the Monitoring Officer", employment.Id, nextEmployment.Date,
                "The Monitoring Officer leaves at short notice and the council must designate one at all times (Local Government and Housing Act 1989, s.5).",
                "Cllr Ann Reid, Chair of the Scrutiny Management Committee", yesterday, null),
            yesterday, null));

        await DemoMeetingCallInSeeder.SeedAsync(db, people, today, settings, holidays, ct);
    }

    private static async Task SwedishAsync(PortalDbContext db, IReadOnlyDictionary<string, Person> people, DateOnly today, CallInSettings settings, IHolidayCalendar holidays, CancellationToken ct)
    {
        int Person(string key) => people[key].Id;
        var ksau = await db.Bodies.SingleAsync(b => b.Slug == "ksau", ct);
        var meeting = await db.Meetings.Include(m => m.Items).Include(m => m.Attendance).AsSplitQuery()
            .Where(m => m.BodyId == ksau.Id && m.Date < today && m.Items.Any(i => i.Title == "Delårsrapport")).OrderByDescending(m => m.Date).FirstAsync(ct);
        // The demo's attendance gives Lars Holmberg apologies at every fourth meeting; at this one he came, and voted.
        meeting.RecordAttendance(Person("ledamot"), AttendanceKind.Present);
        meeting.RecordAttendance(Person("ordf"), AttendanceKind.Present);
        db.Votes.Add(Vote.Take(
            meeting, meeting.Items.Single(i => i.Title == "Delårsrapport").Id, "Att arbetsutskottet föreslår kommunstyrelsen att godkänna delårsrapporten.",
            VoteTally.ByName([new BallotCast(Person("ordf"), VoteChoice.For), new BallotCast(Person("ledamot"), VoteChoice.Against, Reservation: true)]),
            Person("ordf"), VoteChoice.For));

        db.OfficerDecisions.Add(OfficerDecision.Record(
            new OfficerDecisionText(
                "Förordnande av tillförordnad ekonomichef", DecisionMakerKind.Officer, Person("kc"),
                "Kommunstyrelsens delegationsordning, punkt 3.2: kommunchefen förordnar tillförordnade förvaltnings- och avdelningschefer.",
                today.AddDays(-12), "Controllern Anna Lind förordnas som tillförordnad ekonomichef från och med den 1 januari till dess en ny ekonomichef har tillträtt.",
                "Ekonomichefen har sagt upp sig och rekryteringen pågår.", "Att kommunledningschefen själv går in som ekonomichef (för stor arbetsbörda).",
                null, null, "Tjänsteskrivelse från personalchefen.", null, IsKeyDecision: false, SubjectToCallIn: false),
            Person("kc"), today.AddDays(-12), settings, holidays));
        db.OfficerDecisions.Add(OfficerDecision.Record(
            new OfficerDecisionText(
                "Yttrande över remiss om regional utvecklingsstrategi", DecisionMakerKind.Officer, Person("klc"),
                "Kommunstyrelsens delegationsordning, punkt 1.4: yttranden över remisser av mindre vikt.",
                today.AddDays(-5), "Kommunen yttrar sig över Region Kalmar läns remiss och tillstyrker strategin med synpunkter på kollektivtrafiken.",
                "Remisstiden går ut innan kommunstyrelsen sammanträder.", null, null, null, "Remisshandlingar från Region Kalmar län.", null, IsKeyDecision: false, SubjectToCallIn: false),
            Person("klc"), today.AddDays(-5), settings, holidays));
    }

    private static DateOnly MinDate(DateOnly a, DateOnly b) => a < b ? a : b;
}
