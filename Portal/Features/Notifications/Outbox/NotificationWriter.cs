using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Mail;
using Portal.Infrastructure.Security;

namespace Portal.Features.Notifications.Outbox;

/// <summary>
/// Adds notifications to the context a change is being saved in, so they are written in the
/// same transaction: one row per person told, their language and mail preference looked up in
/// two queries however many they are. The person making the change is not told of it.
/// It does not save: the caller's <c>SaveChangesAsync</c> writes the change and its notifications together.
/// </summary>
public sealed class NotificationWriter(IOptions<MailOptions> mail, IOptions<PortalOptions> portal, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task AddAsync(PortalDbContext db, NotificationKind kind, IEnumerable<int> personIds, NotificationAbout about, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(personIds);
        ArgumentNullException.ThrowIfNull(about);
        var actor = await ActorAsync();
        var ids = personIds.Where(id => id != actor).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Email, p.UserId }).ToListAsync(ct);

        // A person with no address of their own is mailed at their sign-in's.
        var signIns = people.Where(p => p.Email is null && p.UserId is not null).Select(p => p.UserId!).ToList();
        var signInEmails = signIns.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => signIns.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var preferences = await db.NotificationPreferences.AsNoTracking().Where(p => ids.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var person in people.OrderBy(p => p.Id))
        {
            var preference = preferences.GetValueOrDefault(person.Id);
            var email = person.Email ?? (person.UserId is null ? null : signInEmails.GetValueOrDefault(person.UserId));
            db.Notifications.Add(Notification.Create(
                kind, person.Id, email, preference?.Culture ?? portal.Value.EffectiveDefaultCulture,
                about.Subject, about.Date, about.Detail, about.Link, about.MeetingId,
                StateFor(kind, email, preference), now));
        }
    }

    /// <summary>A notification to one person by address alone, such as a sign-in invitation before the person has one.</summary>
    public void AddTo(PortalDbContext db, NotificationKind kind, int? personId, string email, string? culture, NotificationAbout about)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(about);
        db.Notifications.Add(Notification.Create(
            kind, personId, email, culture ?? portal.Value.EffectiveDefaultCulture, about.Subject, about.Date, about.Detail, about.Link, about.MeetingId,
            StateFor(kind, email, null), clock.GetUtcNow().UtcDateTime));
    }

    private DeliveryState StateFor(NotificationKind kind, string? email, NotificationPreference? preference)
    {
        if (!mail.Value.IsConfigured || string.IsNullOrWhiteSpace(email))
        {
            return DeliveryState.NotMailed;
        }

        return (preference?.ModeFor(kind) ?? DeliveryMode.Immediate) switch
        {
            DeliveryMode.Off => DeliveryState.Off,
            DeliveryMode.DailyDigest => DeliveryState.AwaitingDigest,
            _ => DeliveryState.Pending,
        };
    }

    private async Task<int?> ActorAsync()
    {
        var principal = await currentUser.GetPrincipalAsync();
        return int.TryParse(principal.FindFirstValue(PortalClaims.PersonId), out var id) ? id : null;
    }
}
