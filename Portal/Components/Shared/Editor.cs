using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Portal.Resources;

namespace Portal.Components.Shared;

/// <summary>
/// The one base for a form that saves: one save at a time (<see cref="Busy"/>), a broken rule in
/// words beside its field and in the error summary, a stale save refused with what the other
/// person changed (<see cref="ConflictNotice"/>), and what was typed kept whatever happened. A
/// form binds <see cref="Submission"/>'s errors, conflict and saved message, names its inputs in
/// <see cref="FieldIds"/>, and saves through <see cref="SaveAsync"/>.
/// </summary>
public abstract class Editor : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource _closing;
    private readonly CancellationToken _closingToken;
    private FormSubmission? _submission;
    private bool _disposed;

    protected Editor()
    {
        _closing = new CancellationTokenSource();
        _closingToken = _closing.Token;
    }

    [Inject]
    protected IStringLocalizer<Text> Text { get; set; } = default!;

    /// <summary>The errors, conflict, busy state and saved message the form shows.</summary>
    protected FormSubmission Submission => _submission ??= new FormSubmission(Text);

    protected bool Busy => Submission.Busy;

    /// <summary>Cancelled when the form closes: pass it to every call.</summary>
    protected CancellationToken Closing => _closingToken;

    /// <summary>The id of the input for each field a rule can name (the domain's property name); a rule naming none goes to the summary.</summary>
    protected virtual IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string>();

    /// <summary>The id of the input a rule naming <paramref name="field"/> is shown beside: by default from <see cref="FieldIds"/>; empty for the summary only.</summary>
    protected virtual string InputFor(string? field) => field is not null && FieldIds.TryGetValue(field, out var id) ? id : string.Empty;

    protected bool Has(string inputId) => Submission.Errors.Has(inputId);

    protected string? MessageFor(string inputId) => Submission.Errors.FirstOrDefault(e => e.FieldId == inputId)?.Message;

    /// <summary>
    /// Saves through <paramref name="save"/>; on a stale save, <paramref name="refresh"/> takes the
    /// newer version (so saving again is a deliberate choice) while the form keeps what was typed.
    /// Returns whether it saved.
    /// </summary>
    protected Task<bool> SaveAsync(Func<CancellationToken, Task> save, string? done = null, Func<CancellationToken, Task>? refresh = null)
    {
        ArgumentNullException.ThrowIfNull(save);
        return Submission.RunAsync(
            () => save(Closing),
            InputFor,
            done,
            refresh is null ? null : () => refresh(Closing));
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _closing.Cancel();
            _closing.Dispose();
        }
    }
}
