using System.Buffers.Binary;
using System.Text;

namespace Portal.Tests.Load;

/// <summary>A frame's kind, as ASP.NET Core's <c>RenderTreeFrameType</c> numbers it on the wire.</summary>
public enum FrameKind
{
    None = 0,
    Element = 1,
    Text = 2,
    Attribute = 3,
    Component = 4,
    Region = 5,
    ElementReferenceCapture = 6,
    ComponentReferenceCapture = 7,
    Markup = 8,
}

/// <summary>An edit's kind, as ASP.NET Core's <c>RenderTreeEditType</c> numbers it on the wire.</summary>
public enum EditKind
{
    PrependFrame = 1,
    RemoveFrame = 2,
    SetAttribute = 3,
    RemoveAttribute = 4,
    UpdateText = 5,
    StepIn = 6,
    StepOut = 7,
    UpdateMarkup = 8,
    PermutationListEntry = 9,
    PermutationListEnd = 10,
}

/// <summary>One reference frame: which fields are set depends on <see cref="Kind"/>.</summary>
/// <param name="SubtreeLength">An element's, component's or region's frame count, itself included.</param>
/// <param name="Name">An element's or attribute's name.</param>
/// <param name="Value">An attribute's value (null for a false bool), a text's or markup's content.</param>
public readonly record struct Frame(FrameKind Kind, int SubtreeLength, string? Name, string? Value, ulong EventHandlerId, int ComponentId);

/// <summary>One edit of a component's diff; <see cref="Reference"/> is the frame index or, in a permutation, the index moved to.</summary>
public readonly record struct Edit(EditKind Kind, int SiblingIndex, int Reference, string? RemovedAttributeName);

public sealed record ComponentDiff(int ComponentId, IReadOnlyList<Edit> Edits);

public sealed record RenderBatch(IReadOnlyList<ComponentDiff> Diffs, Frame[] Frames, IReadOnlyList<int> DisposedComponents, IReadOnlyList<ulong> DisposedEventHandlers);

/// <summary>
/// Reads the binary render batch the server's <c>RenderBatchWriter</c> writes (the format
/// <c>blazor.web.js</c> reads): the diffs of each updated component, the reference frames they
/// point into (20 bytes each), disposed components and event handlers, then a string table; five
/// offsets at the end say where each part starts.
/// </summary>
public static class RenderBatchReader
{
    private const int FrameSize = 20;
    private const int EditSize = 16;

    public static RenderBatch Read(ReadOnlySpan<byte> data)
    {
        var end = data.Length - 20;
        var updatedAt = Int(data, end);
        var framesAt = Int(data, end + 4);
        var disposedComponentsAt = Int(data, end + 8);
        var disposedHandlersAt = Int(data, end + 12);
        var stringsAt = Int(data, end + 16);

        var strings = new string[(end - stringsAt) / 4];
        for (var i = 0; i < strings.Length; i++)
        {
            var at = Int(data, stringsAt + (i * 4));
            var length = ReadLength(data, ref at);
            strings[i] = Encoding.UTF8.GetString(data.Slice(at, length));
        }

        var diffs = new List<ComponentDiff>();
        var diffCount = Int(data, updatedAt);
        for (var i = 0; i < diffCount; i++)
        {
            var at = Int(data, updatedAt + 4 + (i * 4));
            var componentId = Int(data, at);
            var editCount = Int(data, at + 4);
            var edits = new Edit[editCount];
            for (var e = 0; e < editCount; e++)
            {
                var edit = at + 8 + (e * EditSize);
                edits[e] = new Edit((EditKind)Int(data, edit), Int(data, edit + 4), Int(data, edit + 8), String(data, edit + 12, strings));
            }

            diffs.Add(new ComponentDiff(componentId, edits));
        }

        var frames = new Frame[Int(data, framesAt)];
        for (var i = 0; i < frames.Length; i++)
        {
            var at = framesAt + 4 + (i * FrameSize);
            var kind = (FrameKind)Int(data, at);
            frames[i] = kind switch
            {
                FrameKind.Attribute => new Frame(kind, 0, String(data, at + 4, strings), String(data, at + 8, strings), BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(at + 12, 8)), 0),
                FrameKind.Component => new Frame(kind, Int(data, at + 4), null, null, 0, Int(data, at + 8)),
                FrameKind.Element => new Frame(kind, Int(data, at + 4), String(data, at + 8, strings), null, 0, 0),
                FrameKind.Region => new Frame(kind, Int(data, at + 4), null, null, 0, 0),
                FrameKind.Text or FrameKind.Markup => new Frame(kind, 0, null, String(data, at + 4, strings), 0, 0),
                _ => new Frame(kind, 0, null, null, 0, 0),
            };
        }

        var disposedComponents = new int[Int(data, disposedComponentsAt)];
        for (var i = 0; i < disposedComponents.Length; i++)
        {
            disposedComponents[i] = Int(data, disposedComponentsAt + 4 + (i * 4));
        }

        var disposedHandlers = new ulong[Int(data, disposedHandlersAt)];
        for (var i = 0; i < disposedHandlers.Length; i++)
        {
            disposedHandlers[i] = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(disposedHandlersAt + 4 + (i * 8), 8));
        }

        return new RenderBatch(diffs, frames, disposedComponents, disposedHandlers);
    }

    private static int Int(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data.Slice(at, 4));

    private static string? String(ReadOnlySpan<byte> data, int at, string[] strings)
    {
        var index = Int(data, at);
        return index >= 0 ? strings[index] : null;
    }

    /// <summary>A string's length as .NET's <c>BinaryWriter</c> writes it: seven bits a byte, low first.</summary>
    private static int ReadLength(ReadOnlySpan<byte> data, ref int at)
    {
        var length = 0;
        var shift = 0;
        byte current;
        do
        {
            current = data[at++];
            length |= (current & 0x7f) << shift;
            shift += 7;
        }
        while (current >= 0x80);

        return length;
    }
}
