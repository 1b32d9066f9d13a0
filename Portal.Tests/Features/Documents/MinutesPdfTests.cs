using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Features.Meetings.Minutes;
using Portal.Features.Meetings.Votes;
using Portal.Tests.Features.Imports; // QueryAsync on the harness
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Documents;

/// <summary>A final record as PDF through the real service, read back with PdfPig: a Swedish protokoll with its justerare and anslag, private notes and votes withheld as on the page.</summary>
public sealed class MinutesPdfTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignedProtokollShowsItsJusterareAndTheAnslagDatesInSwedish()
    {
        await using var portal = await ServiceHarness.StartAsync(demo: "sv");
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        var signed = await db.Meetings.Where(m => m.Signatories != null && m.PostedOn != null).OrderByDescending(m => m.Date).Select(m => m.Id).FirstAsync(Ct);
        var draft = await db.Meetings.Where(m => m.Signatories == null && m.Date < DateOnly.FromDateTime(DateTime.Today) && db.Bodies.Any(b => b.Id == m.BodyId && b.Regime == Regime.Sweden)).Select(m => m.Id).FirstAsync(Ct);
        await using var visitor = portal.Anonymous();

        var file = (await visitor.Get<MinutesPdfService>().MinutesPdfAsync(signed, Ct))!;
        PackPdfHttpTests.Save("protokoll-ksau.pdf", file.Bytes);
        var pdf = PdfText.Read(file.Bytes);
        var text = pdf.All;
        Assert.StartsWith("protokoll-", file.FileName, StringComparison.Ordinal);
        Assert.Contains("Protokoll: Kommunstyrelsens arbetsutskott", text, StringComparison.Ordinal);
        Assert.Contains("Lars Holmberg (justerare)", text, StringComparison.Ordinal);
        Assert.Contains("Justerat", text, StringComparison.Ordinal);
        Assert.Contains("Anslaget", text, StringComparison.Ordinal);
        Assert.Contains("Överklagandetiden går ut", text, StringComparison.Ordinal);
        Assert.Contains("Tisdag", text, StringComparison.Ordinal);
        Assert.Contains("Sida 1 av", text, StringComparison.Ordinal);
        // A record not yet final has no PDF.
        Assert.Null(await visitor.Get<MinutesPdfService>().MinutesPdfAsync(draft, Ct));
    }

    [Fact]
    public async Task APrivateItemsNotesAreWithheldFromAnOfficerOffTheBodyAndGivenToADirector()
    {
        await using var portal = await ServiceHarness.StartAsync();
        await using var db = await portal.Db.CreateDbContextAsync(Ct);
        var meeting = await db.AgendaItems.Where(i => i.Title == "Senior restructure: options").Select(i => i.MeetingId).SingleAsync(Ct);
        // The group's notes of that meeting, published to its distribution list: a final record.
        var held = await db.Meetings.SingleAsync(m => m.Id == meeting, Ct);
        if (held.Record != RecordStatus.Published)
        {
            held.PublishNotes(Regime.Internal, held.Date.AddDays(2));
            await db.SaveChangesAsync(Ct);
        }

        await using var officer = await portal.SignedInAsAsync(DemoUsers.Officer);
        await using var director = await portal.SignedInAsAsync(DemoUsers.Director);
        await using var visitor = portal.Anonymous();

        var withheld = PdfText.Read((await officer.Get<MinutesPdfService>().MinutesPdfAsync(meeting, Ct))!.Bytes).All;
        var full = (await director.Get<MinutesPdfService>().MinutesPdfAsync(meeting, Ct))!;
        PackPdfHttpTests.Save("notes-emg-director.pdf", full.Bytes);
        Assert.Contains("Senior restructure: options", withheld, StringComparison.Ordinal);
        Assert.DoesNotContain("weighed three options", withheld, StringComparison.Ordinal);
        Assert.Contains("taken in private", withheld, StringComparison.Ordinal);
        Assert.Contains("weighed three options", PdfText.Read(full.Bytes).All, StringComparison.Ordinal);
        Assert.Null(await visitor.Get<MinutesPdfService>().MinutesPdfAsync(meeting, Ct));
    }

    [Fact]
    public async Task AVoteUnderAnExemptItemIsInAMembersMinutesAndNotInThePublicsWhereAnOpenItemsVoteIsInBoth()
    {
        const string SecretMotion = "That the officer named in the exempt report be redeployed to the vacant post";
        const string OpenMotion = "That the Panel note the Strategic Management Team roles as set out";
        await using var portal = await ServiceHarness.StartAsync();
        var (meeting, exemptItem, openItem, later, member) = await portal.QueryAsync(async db =>
        {
            var exempt = await db.Reports.Where(r => r.Reference == "HR 14/09").Select(r => r.AgendaItemId!.Value).SingleAsync(Ct);
            var held = await db.Meetings.SingleAsync(m => m.Items.Any(i => i.Id == exempt), Ct);
            var open = await db.AgendaItems.Where(i => i.MeetingId == held.Id && !i.IsPrivate && i.Id != exempt).OrderBy(i => i.Number).Select(i => i.Id).FirstAsync(Ct);
            var next = await db.Meetings.Where(m => m.BodyId == held.BodyId && m.Date > held.Date && m.Status != MeetingStatus.Cancelled).OrderBy(m => m.Date).Select(m => m.Id).FirstAsync(Ct);
            var cllr = await db.People.Where(p => p.Email == DemoUsers.Member).Select(p => p.Id).SingleAsync(Ct);
            return (held.Id, exempt, open, next, cllr);
        });

        // The panel's secretary records the meeting as any meeting is recorded, and the minutes are approved at the next one.
        await using (var secretary = await portal.SignedInAsAsync(DemoUsers.Secretary))
        {
            await secretary.Get<MinutesService>().RecordAttendanceAsync(meeting, member, AttendanceKind.Present, Ct);
            await secretary.Get<VoteService>().RecordAsync(meeting, new VoteEdit(0, exemptItem, SecretMotion, false, 1, 0, 0, null, null, null), Ct);
            await secretary.Get<VoteService>().RecordAsync(meeting, new VoteEdit(0, openItem, OpenMotion, false, 1, 0, 0, null, null, null), Ct);
            var version = await portal.QueryAsync(db => db.Meetings.Where(m => m.Id == meeting).Select(m => m.Version).SingleAsync(Ct));
            await secretary.Get<MinutesService>().ApproveMinutesAsync(meeting, later, version, Ct);
        }

        await using var visitor = portal.Anonymous();
        await using var councillor = await portal.SignedInAsAsync(DemoUsers.Member);
        var published = PdfText.Read((await visitor.Get<MinutesPdfService>().MinutesPdfAsync(meeting, Ct))!.Bytes).All.Replace("\n", " ", StringComparison.Ordinal);
        var members = (await councillor.Get<MinutesPdfService>().MinutesPdfAsync(meeting, Ct))!;
        PackPdfHttpTests.Save("minutes-employment-member.pdf", members.Bytes);
        var full = PdfText.Read(members.Bytes).All.Replace("\n", " ", StringComparison.Ordinal);

        Assert.Contains(OpenMotion, published, StringComparison.Ordinal);
        Assert.Contains("(1 for, 0 against, 0 abstained)", published, StringComparison.Ordinal);
        Assert.DoesNotContain("redeployed to the vacant post", published, StringComparison.Ordinal);
        Assert.Contains(OpenMotion, full, StringComparison.Ordinal);
        Assert.Contains(SecretMotion, full, StringComparison.Ordinal);
    }
}
