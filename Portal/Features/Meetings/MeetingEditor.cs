using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Features.Meetings.Agenda;
using Portal.Features.Meetings.Calendar;
using Portal.Features.Meetings.Minutes;
using Portal.Infrastructure.Concurrency;

namespace Portal.Features.Meetings;

/// <summary>
/// The <see cref="Editor"/> for every part of the meeting page that writes: the meeting it edits,
/// the meeting's services, and telling the page to reload after a refused stale save.
/// </summary>
public abstract class MeetingEditor : Editor
{
    /// <summary>A meeting's time and status.</summary>
    [Inject]
    protected ScheduleService Schedule { get; set; } = default!;

    /// <summary>A meeting's agenda.</summary>
    [Inject]
    protected AgendaService Agenda { get; set; } = default!;

    /// <summary>A meeting's record: notes, attendance, actions, minutes.</summary>
    [Inject]
    protected MinutesService Minutes { get; set; } = default!;

    [Parameter, EditorRequired]
    public MeetingDetails Meeting { get; set; } = default!;

    /// <summary>Raised after a refused stale save, so the page reloads the meeting (a save reaches it through the change feed).</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    protected List<FormError> Errors => Submission.Errors;

    protected IReadOnlyList<ChangeMade>? Conflict => Submission.Conflict;

    protected string? Saved => Submission.Saved;

    /// <summary>
    /// Runs <paramref name="save"/>; on success says <paramref name="done"/>. The page reloads the meeting from the change
    /// feed, which the save publishes to; only a save that publishes nothing the page follows
    /// (<paramref name="pageFollows"/> false) reloads it here. A refused stale save publishes nothing, so it reloads the
    /// page here too: the reader sees what the other person saved.
    /// </summary>
    protected async Task<bool> RunAsync(Func<Task> save, Func<string?, string> fieldId, string? done = null, bool pageFollows = true)
    {
        var saved = await Submission.RunAsync(save, fieldId, done, refresh: () => Changed.InvokeAsync());
        if (saved && !pageFollows)
        {
            await Changed.InvokeAsync();
        }

        return saved;
    }

    /// <summary>Shows a problem found before anything was sent, such as a time that is not a number.</summary>
    protected void Refuse(string fieldId, string message) => Submission.Refuse(fieldId, message);
}
