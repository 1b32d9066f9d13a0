using Portal.Domain.Plans;
using Portal.Domain.Thread;

namespace Portal.Features.Thread;

/// <summary>Published after a link or an item on the thread changes, so open traces and lists reload.</summary>
public sealed record ThreadChanged(ThreadNode Node);

/// <summary>
/// One item as the reader may see it. A staff objective the reader may not read has no title,
/// owner or rating: only that it exists (<see cref="IsPrivate"/>).
/// </summary>
public sealed record ThreadNodeView(ThreadNode Node, string? Title, string? Context, string? Owner, Rag Rag, bool IsPrivate)
{
    public ThreadLevel Level => Node.Level;

    public string Href => $"/thread/items/{Node}";
}
