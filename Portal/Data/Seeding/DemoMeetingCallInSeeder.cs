using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Domain.Organisation;
using Portal.Domain.Reports;

namespace Portal.Data.Seeding;

/// <summary>
/// Call-in of decisions taken at York's executive meetings (the Executive Member for City Strategy and Advisory Panel):
/// the decision of 14 July 2008 on the Directorate Plan, called in by two councillors, left to stand by scrutiny and
/// implemented; and a meeting held on the last working day before today, whose decision on a demo report (marked as
/// such) was carried on a recorded vote, shown in the minutes, and is published with its call-in period running.
/// </summary>
internal static class DemoMeetingCallInSeeder
{
    public static async Task SeedAsync(PortalDbContext db, IReadOnlyDictionary<string, Person> people, DateOnly today, CallInSettings settings, IHolidayCalendar holidays, CancellationToken ct)
    {
        int Person(string key) => people[key].Id;
        var panel = await db.Bodies.SingleAsync(b => b.Slug == "emap-cs", ct);
        var signatories = new[] { Person("councillor-1"), Person("councillor-2") };

        // 14 July 2008: published the next day, called in on the third, no further action, implemented once scrutiny had met.
        var july = await db.Decisions.Include(d => d.Requests).SingleAsync(d => d.BodyId == panel.Id && d.DecidedOn == new DateOnly(2008, 7, 14), ct);
        july.Publish(new DateOnly(2008, 7, 15), executive: true, settings, holidays);
        var request = july.RequestCallIn(
            new DateOnly(2008, 7, 17), signatories, "The plan's performance indicators were not shown to the Scrutiny Management Committee before the decision.", settings.MembersNeeded);
        await db.SaveChangesAsync(ct);
        july.DecideCallIn(request.Id, CallInOutcome.NoFurtherAction, new DateOnly(2008, 7, 28), "The Scrutiny Management Committee heard the Director and took no further action: the decision stands.");
        july.MarkImplemented(new DateOnly(2008, 7, 29));

        // The last working day before today: a meeting of the panel, a recorded vote, and a decision still in its call-in period.
        var held = today.AddDays(-1);
        while (!holidays.IsWorkingDay(held))
        {
            held = held.AddDays(-1);
        }

        var meeting = Meeting.Schedule(panel, held, new TimeOnly(17, 0), new TimeOnly(18, 0), "The Guildhall, York");
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        meeting.PublishAgenda(held.AddDays(-8), null, null);
        meeting.AddItem("Declarations of Interest", null, 5, false);
        var item = meeting.AddItem("Customer feedback and complaints procedure (demo)", "Barbara Boyce, Business and Performance Manager", 20, false);
        meeting.MarkHeld(today);
        meeting.RecordAttendance(Person("cllr"), AttendanceKind.Present);
        meeting.RecordAttendance(Person("cllr2"), AttendanceKind.Present);
        meeting.RecordAttendance(Person("grace"), AttendanceKind.Present);
        await db.SaveChangesAsync(ct);

        var report = Report.Draft("CS/CF/DEMO", "Customer feedback and complaints procedure (demo)", Person("barbara"));
        report.Describe(new ReportParticulars(
            report.Reference, report.Title, Person("heather"), "Barbara Boyce, Business and Performance Manager, City Strategy.", AllWards: true, null, IsKeyDecision: false, "None"));
        report.PlaceBefore(meeting.Id, panel.Id, item.Id);
        report.WriteSection(SectionKind.Summary, "A demo report, not from York's records: it asks the Executive Member to adopt a simpler two-stage procedure for customer feedback and complaints.");
        foreach (var kind in ReportTemplate.Sections.Where(k => k != SectionKind.Summary))
        {
            report.WriteSection(kind, ReportTemplate.IsImplication(kind) ? "There are no specific implications associated with this demo report." : "Not written out: this is a demo report.");
        }

        var recommendation = report.Recommend(
            "That the Executive Member adopt the two-stage customer feedback and complaints procedure.",
            "So that complaints are answered sooner and the lessons from them reach the services concerned.");
        db.Reports.Add(report);
        await db.SaveChangesAsync(ct);
        report.Submit(held.AddDays(-14));
        report.Clear(Person("heather"), held.AddDays(-12));
        report.Publish(held.AddDays(-8), deadline: null, lateReason: null);
        await db.SaveChangesAsync(ct);

        var vote = Vote.Take(
            meeting, item.Id, "That the two-stage customer feedback and complaints procedure be adopted.",
            VoteTally.ByName([new BallotCast(Person("cllr"), VoteChoice.For), new BallotCast(Person("cllr2"), VoteChoice.For)]), Person("cllr"), null);
        db.Votes.Add(vote);
        item.WriteNotes("The Executive Member **adopted** the two-stage customer feedback and complaints procedure, on a recorded vote.");
        meeting.StartRecord();
        await db.SaveChangesAsync(ct);

        var decision = Decision.Record(
            report, recommendation, held, DecisionOutcome.Approved, "The Executive Member adopted the two-stage customer feedback and complaints procedure.",
            recommendation.Reason, "Keeping the three-stage procedure (slower, and the third stage rarely changed an answer).", "None declared.");
        decision.DecidedBy(vote);
        decision.Publish(MinDate(held.AddDays(1), today), executive: true, settings, holidays);
        db.Decisions.Add(decision);
    }

    private static DateOnly MinDate(DateOnly a, DateOnly b) => a > b ? b : a;
}
