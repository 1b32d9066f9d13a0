using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Notifications;
using Portal.Features.Notifications.Inbox;
using Portal.Features.Notifications.Mail;
using Portal.Infrastructure.Security;

namespace Portal.Features.Notifications.Preferences;

/// <summary>
/// A person's own mail choices: each kind immediate, in a daily digest or off, and the language.
/// Only the person changes their own, signed in, or one kind off through the signed link in a mail.
/// </summary>
public sealed class PreferenceService(IDbContextFactory<PortalDbContext> dbFactory, ICurrentUser currentUser, InboxService inbox, UnsubscribeTokens tokens)
{
    public async Task<PreferenceView?> MineAsync(CancellationToken ct)
    {
        await currentUser.DemandAsync(Policies.SignedIn);
        if (await inbox.MeAsync() is not int me)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var preference = await db.NotificationPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.PersonId == me, ct) ?? NotificationPreference.For(me);
        return new PreferenceView(
            preference.Culture, NotificationKinds.Choosable.ToDictionary(k => k, preference.ModeFor), preference.Version);
    }

    public async Task<int> SaveMineAsync(string? culture, IReadOnlyDictionary<NotificationKind, DeliveryMode> modes, int version, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(modes);
        await currentUser.DemandAsync(Policies.SignedIn);
        if (await inbox.MeAsync() is not int me)
        {
            throw new AccessDeniedException("NotificationPreferences");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var preference = await FindOrAddAsync(db, me, ct);
        if (preference.Version != 0)
        {
            await db.ExpectVersionAsync(preference, version, ct);
        }

        preference.UseCulture(string.IsNullOrWhiteSpace(culture) ? null : culture);
        foreach (var (kind, mode) in modes)
        {
            preference.Choose(kind, mode);
        }

        await db.SaveChangesAsync(ct);
        return preference.Version;
    }

    /// <summary>Switches off the kind the token names for the person it names, without a sign-in; false for a token that is not ours.</summary>
    public async Task<bool> UnsubscribeAsync(string? token, CancellationToken ct)
    {
        if (!tokens.TryRead(token, out var personId, out var kind))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.People.AnyAsync(p => p.Id == personId, ct))
        {
            return false;
        }

        var preference = await FindOrAddAsync(db, personId, ct);
        preference.Choose(kind, DeliveryMode.Off);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static async Task<NotificationPreference> FindOrAddAsync(PortalDbContext db, int personId, CancellationToken ct)
    {
        var preference = await db.NotificationPreferences.SingleOrDefaultAsync(p => p.PersonId == personId, ct);
        if (preference is null)
        {
            preference = NotificationPreference.For(personId);
            db.NotificationPreferences.Add(preference);
        }

        return preference;
    }
}

public sealed record PreferenceView(string? Culture, IReadOnlyDictionary<NotificationKind, DeliveryMode> Modes, int Version);
