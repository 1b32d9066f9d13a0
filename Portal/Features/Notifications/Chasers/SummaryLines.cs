using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Domain.Plans;
using Portal.Infrastructure;
using Portal.Resources;

namespace Portal.Features.Notifications.Chasers;

/// <summary>
/// The body of a director's weekly summary, written in the recipient's language when it is sent:
/// how many of the plan's actions and indicator updates are overdue and due within the chase days,
/// then each by title with its date and a link. Only the plan's own items, which its director reads.
/// </summary>
public sealed class SummaryLines(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Text> text, PublicAddress address, IOptions<ChaserOptions> options)
{
    /// <summary>The counts in a sentence and the items as lines with links; call it in the recipient's culture.</summary>
    public async Task<(string Counts, IReadOnlyList<(string Line, Uri Link)> Lines)> ForAsync(Notification summary, CultureInfo culture, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!int.TryParse(summary.Link.AsSpan("plans/".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var planId))
        {
            return (string.Empty, []);
        }

        var today = summary.Date ?? DateOnly.FromDateTime(summary.CreatedUtc);
        var days = Math.Max(0, options.Value.ChaseDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var horizon = today.AddDays(days);
        var actions = await db.Actions.AsNoTracking()
            .Where(a => a.PlanId == planId && a.Status != ActionStatus.Completed && a.Status != ActionStatus.Cancelled && a.DueDate <= horizon)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(a => new { a.Id, a.Title, a.DueDate }).ToListAsync(ct);
        var figures = await IndicatorChaser.WantedAsync(db, today, days, ct, planId);
        string Date(DateOnly d) => d.ToString("d MMMM yyyy", culture);
        var lateActions = actions.Where(a => a.DueDate < today).ToList();
        var dueActions = actions.Where(a => a.DueDate >= today).ToList();
        var late = figures.Where(f => f.Kind == NotificationKind.IndicatorOverdue).OrderBy(f => f.PeriodEnd).ToList();
        var due = figures.Where(f => f.Kind == NotificationKind.IndicatorDue).OrderBy(f => f.PeriodEnd).ToList();
        var lines = new List<(string, Uri)>();
        lines.AddRange(lateActions.Select(a => ((string)text["Summary.ActionOverdue", a.Title, Date(a.DueDate)], address.Link($"plans/actions/{a.Id}"))));
        lines.AddRange(late.Select(f => ((string)text["Summary.IndicatorOverdue", f.Title, Date(f.PeriodEnd)], address.Link(f.Link))));
        lines.AddRange(dueActions.Select(a => ((string)text["Summary.ActionDue", a.Title, Date(a.DueDate)], address.Link($"plans/actions/{a.Id}"))));
        lines.AddRange(due.Select(f => ((string)text["Summary.IndicatorDue", f.Title, Date(f.PeriodEnd)], address.Link(f.Link))));
        var counts = text["Summary.Counts", lateActions.Count, dueActions.Count, late.Count, due.Count, days].Value;
        return (counts, lines);
    }
}
