using Microsoft.EntityFrameworkCore;
using Portal.Domain.Meetings;
using Portal.Features.Meetings.Minutes;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Features.Documents;

/// <summary>A final record as PDF through the real service, read back with PdfPig: a Swedish protokoll with its justerare and anslag, private notes withheld as on the page.</summary>
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
}
