namespace Portal.Domain.Meetings;

/// <summary>
/// Someone reading one body's business: who they are, and whether they may read what the body
/// takes in private (the app decides that from the body's members and the reader's roles).
/// </summary>
public sealed record MeetingReader(int? PersonId, bool SeesPrivate)
{
    /// <summary>Anyone at all: the public, a search index every reader of the body shares, a feed.</summary>
    public static MeetingReader Public { get; } = new(null, false);
}

/// <summary>
/// Confidentiality follows the agenda item: what is written, declared or agreed under an item
/// taken in private (its notes, the interests declared on it and the actions agreed under it) is
/// read only by those who may read the body's private business. Everyone else gets the item's
/// title and that it is private. Every channel that shows a meeting's business (its page, the
/// actions carried to later meetings, search, feeds, downloads and, when it comes, mail) asks
/// here, with the reader it is writing for, so none of them keeps a rule of its own.
/// </summary>
public static class Confidentiality
{
    /// <summary>Whether <paramref name="reader"/> may read the notes and declarations on <paramref name="item"/> (its title is for everyone who sees the meeting).</summary>
    public static bool MayRead(MeetingReader reader, AgendaItem item)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(item);
        return !item.IsPrivate || reader.SeesPrivate;
    }

    /// <summary>
    /// Whether <paramref name="reader"/> may read <paramref name="action"/>, given the item it was
    /// agreed under (<paramref name="agreedUnder"/>, null when it was agreed under none). The
    /// action's owner always reads their own action: they are the one asked to do it. An item
    /// that should be there and is not (<paramref name="agreedUnder"/> missing or another item)
    /// counts as private, so a mistake withholds rather than reveals.
    /// </summary>
    public static bool MayRead(MeetingReader reader, AgreedAction action, AgendaItem? agreedUnder)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(action);
        if (reader.SeesPrivate || (reader.PersonId is int me && me == action.OwnerId) || action.AgendaItemId is not int itemId)
        {
            return true;
        }

        return agreedUnder is not null && agreedUnder.Id == itemId && !agreedUnder.IsPrivate;
    }
}
