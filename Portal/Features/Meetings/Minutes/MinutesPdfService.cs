using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Meetings;
using Portal.Features.Documents; // the one home that lays documents out
using Portal.Features.Documents.Pdf; // the one home that lays documents out
using Portal.Features.Meetings.Calendar;
using Portal.Infrastructure.Markdown;
using Portal.Resources;

namespace Portal.Features.Meetings.Minutes;

/// <summary>
/// A meeting's final record (approved minutes, a signed protokoll, published notes) as a PDF. It reads
/// the meeting through <see cref="MeetingService"/>, as the meeting page does, so a private item's notes
/// (and the votes under it, through <see cref="Votes.VoteService"/>) are withheld from the same readers; a protokoll is written in Swedish, whatever the reader's language.
/// </summary>
public sealed class MinutesPdfService(MeetingService meetings, Votes.VoteService votes, MarkdownRenderer markdown, IStringLocalizer<Text> text)
{
    /// <summary>The record, or null when the meeting does not exist for the caller or its record is not final yet.</summary>
    public async Task<DocumentFile?> MinutesPdfAsync(int meetingId, CancellationToken ct)
    {
        var meeting = await meetings.GetAsync(meetingId, ct);
        if (meeting is null || !meeting.RecordIsFinal)
        {
            return null;
        }

        // The votes as the caller may see them: none under a private item (or one taking an exempt report) for the public.
        var taken = await votes.VotesAsync(meetingId, ct);
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            if (meeting.Regime == Regime.Sweden)
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
            }

            var pdf = PdfLayout.Render(new MinutesPdf(text, markdown).Describe(meeting, taken));
            var kind = meeting.Regime switch
            {
                Regime.Sweden => "protokoll",
                Regime.England => "minutes",
                _ => "notes",
            };
            return new DocumentFile($"{kind}-{meeting.BodySlug}-{meeting.Date:yyyy-MM-dd}.pdf", DocumentFile.Pdf, pdf);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }
}
