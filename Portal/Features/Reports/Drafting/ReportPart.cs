using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Features.Reports.Reading;
using Portal.Infrastructure.Concurrency;

namespace Portal.Features.Reports.Drafting;

/// <summary>
/// The <see cref="Editor"/> for every part of the report page that writes: the report it works
/// on, and telling the page to reload after a refused stale save (so the reader sees what the other
/// person wrote) or a save the page's change feed does not bring.
/// </summary>
public abstract class ReportPart : Editor
{
    [Parameter, EditorRequired]
    public ReportView Report { get; set; } = default!;

    /// <summary>Raised after a refused stale save, or a save the page does not follow, so the page reloads the report.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    protected FormSubmission Form => Submission;

    protected List<FormError> Errors => Submission.Errors;

    protected IReadOnlyList<ChangeMade>? Conflict => Submission.Conflict;

    /// <summary>
    /// Runs <paramref name="save"/>; on success says <paramref name="done"/>. The page reloads the report from the change
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
}
