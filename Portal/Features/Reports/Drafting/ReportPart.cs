using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Features.Reports.Reading;
using Portal.Infrastructure.Concurrency;

namespace Portal.Features.Reports.Drafting;

/// <summary>
/// The <see cref="Editor"/> for every part of the report page that writes: the report it works
/// on, and telling the page to reload after a save (or after a refused stale save, so the reader
/// sees what the other person wrote).
/// </summary>
public abstract class ReportPart : Editor
{
    [Parameter, EditorRequired]
    public ReportView Report { get; set; } = default!;

    [Parameter]
    public EventCallback Changed { get; set; }

    protected FormSubmission Form => Submission;

    protected List<FormError> Errors => Submission.Errors;

    protected IReadOnlyList<ChangeMade>? Conflict => Submission.Conflict;

    protected async Task<bool> RunAsync(Func<Task> save, Func<string?, string> fieldId, string? done = null)
    {
        var saved = await Submission.RunAsync(save, fieldId, done, refresh: () => Changed.InvokeAsync());
        if (saved)
        {
            await Changed.InvokeAsync();
        }

        return saved;
    }
}
