using Microsoft.Extensions.Localization;
using Portal.Domain.Common;
using Portal.Infrastructure.Concurrency;
using Portal.Infrastructure.Localization;
using Portal.Resources;

namespace Portal.Components.Shared;

/// <summary>
/// What every form that saves through a service does with the answer, in one place: one save at
/// a time; a broken rule beside its field (and so in the error summary) in the reader's
/// language; a stale save refused with what the other person changed; a database out of reach
/// (restarting, say) said in words, to try again; and a word that it worked. A form keeps one of these and binds its <see cref="Errors"/>, <see cref="Conflict"/>,
/// <see cref="Busy"/> and <see cref="Saved"/>.
/// </summary>
public sealed class FormSubmission(IStringLocalizer<Text> text)
{
    public List<FormError> Errors { get; private set; } = [];

    public IReadOnlyList<ChangeMade>? Conflict { get; private set; }

    public string? Saved { get; private set; }

    public bool Busy { get; private set; }

    /// <summary>
    /// Runs <paramref name="save"/>. A <see cref="DomainRuleException"/> goes beside the input
    /// <paramref name="fieldId"/> names for its field; a conflict is kept for the notice and
    /// <paramref name="refresh"/> reloads what the other person saved. Returns whether it saved.
    /// </summary>
    public async Task<bool> RunAsync(Func<Task> save, Func<string?, string> fieldId, string? done = null, Func<Task>? refresh = null)
    {
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(fieldId);
        if (Busy)
        {
            return false;
        }

        Busy = true;
        Errors = [];
        Saved = null;
        try
        {
            await save();
            Conflict = null;
            Saved = done ?? text["Form.Saved"];
            return true;
        }
        catch (DomainRuleException rule)
        {
            Errors = [new(fieldId(rule.Field), text.Describe(rule))];
        }
        catch (Exception ex) when (IsDatabaseUnavailable(ex))
        {
            // The database is restarting or out of reach: the service's transaction never committed, so nothing is half-saved.
            Errors = [new(string.Empty, text["Form.DatabaseUnavailable"])];
        }
        catch (ConcurrencyConflictException conflict)
        {
            Conflict = conflict.Changes;
            Errors = [new(string.Empty, text["Conflict.Summary"])];
            if (refresh is not null)
            {
                await refresh();
            }
        }
        finally
        {
            Busy = false;
        }

        return false;
    }

    /// <summary>Whether <paramref name="ex"/> (or what it wraps) is the database out of reach for now (a lost connection, a restart, a busy file), not a fault in the save.</summary>
    public static bool IsDatabaseUnavailable(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Starts afresh: no problems, no conflict, nothing said (the form now edits something else).</summary>
    public void Clear()
    {
        Errors = [];
        Conflict = null;
        Saved = null;
    }

    /// <summary>Shows a problem found before anything was sent (a number that is not a number).</summary>
    public void Refuse(string fieldId, string message)
    {
        Errors = [new(fieldId, message)];
        Saved = null;
    }
}
