using Portal.Features.Meetings; // who is asking, as the meeting rules see them: their person, posts and whether they are the Monitoring Officer
using Portal.Infrastructure.Security;

namespace Portal.Features.Members;

/// <summary>
/// Who may do what with a councillor's record, in one place. Anyone reads the published record.
/// The councillor keeps their own contact details, photo and register entries; the Monitoring
/// Officer (who keeps the register, Localism Act 2011 s29) and administrators may too. Only the
/// Monitoring Officer publishes, and a sensitive interest (s32) is seen by the Monitoring Officer
/// and the councillor alone: an administrator sees the fact, as the public does.
/// </summary>
public static class MemberRights
{
    public static bool MayEditProfile(MeetingCaller caller, int councillorPersonId) =>
        caller is not null && caller.IsSignedIn && (caller.PersonId == councillorPersonId || caller.IsAdministrator || caller.IsMonitoringOfficer);

    /// <summary>Who may enter or change an entry of this councillor's register (a sensitive one: only they and the Monitoring Officer).</summary>
    public static bool MayEditInterest(MeetingCaller caller, int councillorPersonId, bool sensitive) =>
        caller is not null && caller.IsSignedIn
        && (caller.PersonId == councillorPersonId || caller.IsMonitoringOfficer || (caller.IsAdministrator && !sensitive));

    public static bool MayPublish(MeetingCaller caller, bool sensitive) =>
        caller is not null && caller.IsSignedIn && (caller.IsMonitoringOfficer || (caller.IsAdministrator && !sensitive));

    public static bool MaySeeSensitive(MeetingCaller caller, int councillorPersonId) =>
        caller is not null && caller.IsSignedIn && (caller.IsMonitoringOfficer || caller.PersonId == councillorPersonId);

    /// <summary>Who keeps the council's record of parties, wards, councillors' terms and the register's publication queue: the Monitoring Officer and administrators.</summary>
    public static bool MayKeepRecord(MeetingCaller caller) =>
        caller is not null && caller.IsSignedIn && (caller.IsMonitoringOfficer || caller.IsAdministrator);

    public static void Demand(bool allowed, string what)
    {
        if (!allowed)
        {
            throw new AccessDeniedException(what);
        }
    }
}

/// <summary>Published after a councillor's record, photo or register changes.</summary>
public sealed record CouncillorChanged(int PersonId);

/// <summary>Settings for the register of interests (<c>Portal:Members</c>).</summary>
public sealed class MembersOptions
{
    public const string Section = "Portal:Members";

    /// <summary>The value from which gifts and hospitality are registered, in the council's currency (the council's code of conduct sets it; £50 is common).</summary>
    public decimal GiftThreshold { get; set; } = 50m;
}
