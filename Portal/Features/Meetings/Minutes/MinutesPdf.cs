using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Domain.Meetings;
using Portal.Features.Documents; // the one home that lays documents out
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Markdown;
using Portal.Resources;

namespace Portal.Features.Meetings.Minutes;

/// <summary>
/// Describes a meeting's final record for the PDF layout under its body's rules, as the meeting page
/// shows it: English minutes with the meeting that approved them, a Swedish protokoll with its justerare,
/// the signing and the anslag dates, an internal group's notes with whom they went to, and the votes under each
/// item. A private item's notes, its votes and the actions agreed under it are not in it for a reader the page
/// withholds them from.
/// </summary>
internal sealed class MinutesPdf(IStringLocalizer<Text> t, MarkdownRenderer markdown)
{
    public DocumentSpec Describe(MeetingDetails meeting, IReadOnlyList<Votes.VoteView>? votes = null)
    {
        var byItem = (votes ?? []).ToLookup(v => v.ItemId);
        var record = t[$"Record.Title.{meeting.Regime}"];
        var blocks = new List<DocBlock>
        {
            new DocHeading(1, $"{record}: {meeting.BodyName}", Bookmark: true),
            new DocFacts([
                (t["PackPdf.Body"], meeting.BodyName),
                (t["PackPdf.Date"], MeetingFormat.DateHeading(meeting.Date)),
                (t["PackPdf.Time"], $"{MeetingFormat.Time(meeting.Start)}–{MeetingFormat.Time(meeting.End)}"),
                (t["Meeting.Venue"], meeting.Venue ?? t["Report.NotStated"]),
                .. Regime(meeting),
            ]),
            new DocParagraph(t[$"Record.Rule.{meeting.Regime}"], DocTone.Note),
            new DocHeading(2, t["Attendance.Title"], Bookmark: true),
        };
        blocks.Add(meeting.Attendance.Count == 0
            ? new DocParagraph(t["Attendance.NoMembers"])
            : new DocTable(
                [t["Attendance.Name"], t["Attendance.Role"], t["Attendance.Status"]],
                meeting.Attendance.Select(a => (IReadOnlyList<string>)[
                    a.Name, a.Role is MemberRole role ? t[$"MemberRole.{role}"] : t["Attendance.Guest"],
                    a.Kind is AttendanceKind kind ? t[$"AttendanceKind.{kind}"] : t["Attendance.NotRecorded"]]).ToList(),
                [3, 2, 2]));
        foreach (var item in meeting.Items.OrderBy(i => i.Number))
        {
            Item(blocks, item);
            VotesUnder(blocks, item, byItem[item.Id], meeting.Regime);
        }

        blocks.Add(new DocHeading(2, t["MeetingActions.AgreedHere"], Bookmark: true));
        if (meeting.AgreedHere.Count == 0 && meeting.AgreedHereWithheld == 0)
        {
            blocks.Add(new DocParagraph(t["MeetingActions.NoneAgreed"]));
        }

        if (meeting.AgreedHere.Count > 0)
        {
            blocks.Add(new DocTable(
                [t["MeetingActions.Text"], t["MeetingActions.Owner"], t["MeetingActions.Due"]],
                meeting.AgreedHere.Select(a => (IReadOnlyList<string>)[a.Text, a.Owner, Dates.Short(a.DueDate)]).ToList(),
                [5, 2, 1.5]));
        }

        if (meeting.AgreedHereWithheld > 0)
        {
            blocks.Add(new DocParagraph(t.Plural("MeetingActions.Withheld", meeting.AgreedHereWithheld), DocTone.Note));
        }

        var title = $"{record}: {meeting.BodyName}, {Dates.Short(meeting.Date)}";
        return new DocumentSpec(title, CultureInfo.CurrentUICulture.Name, $"{meeting.BodyName}, {MeetingFormat.LongDate(meeting.Date)} · {record}", t["Pdf.PageOf"], blocks);
    }

    private IEnumerable<(string, string)> Regime(MeetingDetails meeting)
    {
        var record = meeting.Record;
        yield return (t["Report.Status"], t[$"RecordStatus.{record.Status}"]);
        switch (meeting.Regime)
        {
            case Domain.Meetings.Regime.England when record.ApprovedAt is NamedMeeting at:
                yield return (t["Record.ApprovedAt"], MeetingFormat.LongDate(at.Date));
                break;
            case Domain.Meetings.Regime.Sweden:
                if (record.Signatories is string signatories)
                {
                    yield return (t["Record.Signatories"], signatories);
                }

                if (record.RecordDate is DateOnly signed)
                {
                    yield return (t["Record.SignedOn"], MeetingFormat.DateHeading(signed));
                }

                if (record.Protokoll is ProtokollDeadlines protokoll)
                {
                    yield return (t["Record.SignBy"], MeetingFormat.DateHeading(protokoll.SignBy));
                    if (protokoll.PostBy is DateOnly postBy)
                    {
                        yield return (t["Record.PostBy"], MeetingFormat.DateHeading(postBy));
                    }

                    if (record.PostedOn is DateOnly posted)
                    {
                        yield return (t["Record.PostedOn"], MeetingFormat.DateHeading(posted));
                    }

                    if (protokoll.AppealEnds is DateOnly appealEnds)
                    {
                        yield return (t["Record.AppealEnds"], MeetingFormat.DateHeading(appealEnds));
                    }
                }

                break;
            case Domain.Meetings.Regime.Internal when record.RecordDate is DateOnly published:
                yield return (t["Record.Title.Internal"], t["Record.PublishedTo", MeetingFormat.LongDate(published), meeting.ReportsTo ?? t["Record.Members"]]);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// The votes under an item, as the meeting page's votes show them: the question, the result in words with the
    /// numbers, a casting vote, and who voted which way. Only those the reader may see reach here
    /// (<see cref="Votes.VoteService.VotesAsync"/>); none under an item whose notes are withheld from them.
    /// </summary>
    private void VotesUnder(List<DocBlock> blocks, AgendaItemView item, IEnumerable<Votes.VoteView> votes, Regime regime)
    {
        if (item.NotesWithheld)
        {
            return;
        }

        foreach (var vote in votes)
        {
            blocks.Add(new DocParagraph([new DocRun(t[$"Votes.Title.{regime}"] + ": ", Bold: true), new DocRun(vote.Motion)]));
            var result = $"{t[$"VoteResult.{vote.Result}.{regime}"]} {t["Votes.Counts", vote.For, vote.Against, vote.Abstain]}";
            if (vote.CastingVote is VoteChoice casting)
            {
                result += " " + t["Votes.Casting", vote.ChairName ?? string.Empty, t[$"VoteChoice.{casting}.{regime}"]];
            }

            blocks.Add(new DocParagraph(result));
            if (vote.IsRecorded && vote.Ballots.Count > 0)
            {
                blocks.Add(new DocParagraph(string.Join("; ", vote.Ballots.Select(b =>
                    $"{b.Name}: {t[$"VoteChoice.{b.Choice}.{regime}"]}" + (b.Reservation ? $" ({t["Votes.Reservation"]})" : string.Empty)))));
            }
        }
    }

    private void Item(List<DocBlock> blocks, AgendaItemView item)
    {
        blocks.Add(new DocHeading(2, $"{item.Number.ToString(CultureInfo.CurrentCulture)}. {item.Title}", Bookmark: true));
        if (item.Presenter is string presenter)
        {
            blocks.Add(new DocParagraph($"{t["Agenda.Presenter"]}: {presenter}", DocTone.Note));
        }

        if (item.NotesWithheld)
        {
            blocks.Add(new DocParagraph(t["Agenda.Withheld"], DocTone.Notice));
            return;
        }

        if (item.IsPrivate)
        {
            blocks.Add(new DocParagraph(t["Agenda.Private"], DocTone.Note));
        }

        if (item.Declarations.Count > 0)
        {
            blocks.Add(new DocParagraph([new DocRun(t["Agenda.Declarations"] + ": ", Bold: true), new DocRun(string.Join("; ", item.Declarations.Select(d => $"{d.Name}: {d.Interest}")))]));
        }

        var notes = markdown.ParseBlocks(item.Notes);
        blocks.AddRange(notes.Count == 0 ? [new DocParagraph(t["Report.NotWritten"], DocTone.Note)] : notes.Select(b => (DocBlock)new DocMarkdown(b)));
    }
}
