using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Components.Shared;
using Portal.Features.Reports.Reading;
using Portal.Infrastructure.Concurrency;
using Portal.Resources;

namespace Portal.Features.Reports.Drafting;

/// <summary>
/// What every part of the report page that writes has in common: the report it works on, a
/// <see cref="FormSubmission"/> for its answers, and telling the page to reload after a save
/// (or after a refused stale save, so the reader sees what the other person wrote).
/// </summary>
public abstract class ReportPart : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private FormSubmission? _submission;

    [Inject]
    protected IStringLocalizer<Text> Text { get; set; } = default!;

    [Parameter, EditorRequired]
    public ReportView Report { get; set; } = default!;

    [Parameter]
    public EventCallback Changed { get; set; }

    protected FormSubmission Form => _submission ??= new FormSubmission(Text);

    protected List<FormError> Errors => Form.Errors;

    protected IReadOnlyList<ChangeMade>? Conflict => Form.Conflict;

    protected CancellationToken Token => _cts.Token;

    protected async Task<bool> RunAsync(Func<Task> save, Func<string?, string> fieldId, string? done = null)
    {
        var saved = await Form.RunAsync(save, fieldId, done, refresh: () => Changed.InvokeAsync());
        if (saved)
        {
            await Changed.InvokeAsync();
        }

        return saved;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _cts.Cancel();
            _cts.Dispose();
        }
    }
}
