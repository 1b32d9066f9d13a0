using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Tests.Load;

/// <summary>A node of the page as the driver keeps it: what the browser's logical DOM holds, without layout.</summary>
public abstract class PageNode
{
    public PageContainer? Parent { get; internal set; }

    /// <summary>The text a browser's <c>textContent</c> gives for this node.</summary>
    public abstract void AppendText(StringBuilder into);
}

public sealed class TextNode(string text) : PageNode
{
    public string Text { get; internal set; } = text;

    public override void AppendText(StringBuilder into) => into.Append(Text);
}

/// <summary>Raw markup (a <c>MarkupString</c>): one logical child, as the browser keeps it; its text is the markup without tags.</summary>
public sealed partial class MarkupNode(string markup) : PageNode
{
    public string Markup { get; } = markup;

    public override void AppendText(StringBuilder into) => into.Append(WebUtility.HtmlDecode(Tags().Replace(Markup, string.Empty)));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}

public abstract class PageContainer : PageNode
{
    public List<PageNode> Children { get; } = [];

    public override void AppendText(StringBuilder into)
    {
        foreach (var child in Children)
        {
            child.AppendText(into);
        }
    }

    /// <summary>Every element at or under this node, in document order.</summary>
    public IEnumerable<ElementNode> Elements()
    {
        foreach (var child in Children)
        {
            if (child is ElementNode element)
            {
                yield return element;
            }

            if (child is PageContainer container)
            {
                foreach (var inner in container.Elements())
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The text of this node as a browser shows it to <c>textContent</c>, its white space collapsed.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        AppendText(text);
        return Normalise(text.ToString());
    }

    public static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A component's place in the page: its rendered output is its children.</summary>
public sealed class ComponentNode(int componentId) : PageContainer
{
    public int ComponentId { get; } = componentId;
}

public sealed class ElementNode(string name, int componentId) : PageContainer
{
    public string Name { get; } = name;

    /// <summary>The component whose render made this element (an event's field information names it).</summary>
    public int ComponentId { get; } = componentId;

    public Dictionary<string, string?> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>Event handler ids by event name ("click", "change").</summary>
    public Dictionary<string, ulong> Handlers { get; } = new(StringComparer.Ordinal);

    public string? Id => Attributes.GetValueOrDefault("id");
}

/// <summary>
/// The page as <c>blazor.web.js</c> would build it from render batches, without a DOM: each
/// component a container of its output, regions flattened into their parent, markup one child.
/// Edits are applied as the browser's renderer applies them (sibling indexes within the current
/// parent, step in and out, permutations), so element ids, event handler ids and text are found
/// where the browser would find them.
/// </summary>
public sealed class PageTree
{
    private readonly Dictionary<int, ComponentNode> _components = [];

    /// <summary>The components <c>JS.AttachComponent</c> placed in the page: the roots, in order.</summary>
    public List<ComponentNode> Roots { get; } = [];

    public void Attach(int componentId) => Roots.Add(Component(componentId));

    public IEnumerable<ElementNode> Elements() => Roots.SelectMany(root => root.Elements());

    public ElementNode? ById(string id) => Elements().FirstOrDefault(e => e.Id == id);

    public ElementNode? First(string name) => Elements().FirstOrDefault(e => e.Name == name);

    public void Apply(RenderBatch batch)
    {
        foreach (var diff in batch.Diffs)
        {
            ApplyEdits(diff.ComponentId, Component(diff.ComponentId), diff.Edits, batch.Frames);
        }

        foreach (var id in batch.DisposedComponents)
        {
            _components.Remove(id);
        }
    }

    private ComponentNode Component(int id)
    {
        if (!_components.TryGetValue(id, out var node))
        {
            node = new ComponentNode(id);
            _components[id] = node;
        }

        return node;
    }

    private void ApplyEdits(int componentId, PageContainer root, IReadOnlyList<Edit> edits, Frame[] frames)
    {
        PageContainer parent = root;
        var depth = 0;
        var offset = 0;
        List<(int From, int To)>? permutation = null;
        foreach (var edit in edits)
        {
            var index = offset + edit.SiblingIndex;
            switch (edit.Kind)
            {
                case EditKind.PrependFrame:
                    InsertFrame(componentId, parent, index, frames, edit.Reference);
                    break;
                case EditKind.RemoveFrame:
                    Remove(parent, index);
                    break;
                case EditKind.SetAttribute:
                    SetAttribute((ElementNode)parent.Children[index], frames[edit.Reference]);
                    break;
                case EditKind.RemoveAttribute:
                    RemoveAttribute((ElementNode)parent.Children[index], edit.RemovedAttributeName!);
                    break;
                case EditKind.UpdateText:
                    ((TextNode)parent.Children[index]).Text = frames[edit.Reference].Value ?? string.Empty;
                    break;
                case EditKind.UpdateMarkup:
                    Remove(parent, index);
                    Insert(parent, index, new MarkupNode(frames[edit.Reference].Value ?? string.Empty));
                    break;
                case EditKind.StepIn:
                    parent = (PageContainer)parent.Children[index];
                    depth++;
                    offset = 0;
                    break;
                case EditKind.StepOut:
                    parent = parent.Parent!;
                    depth--;
                    offset = 0;
                    break;
                case EditKind.PermutationListEntry:
                    (permutation ??= []).Add((index, offset + edit.Reference));
                    break;
                case EditKind.PermutationListEnd:
                    var before = parent.Children.ToArray();
                    foreach (var (from, to) in permutation!)
                    {
                        parent.Children[to] = before[from];
                    }

                    permutation = null;
                    break;
                default:
                    throw new InvalidDataException($"Unknown edit {edit.Kind} in a render batch.");
            }
        }
    }

    /// <summary>Inserts the frame at <paramref name="at"/> and its subtree; returns how many logical children it added to <paramref name="parent"/>.</summary>
    private int InsertFrame(int componentId, PageContainer parent, int index, Frame[] frames, int at)
    {
        var frame = frames[at];
        switch (frame.Kind)
        {
            case FrameKind.Element:
                var element = new ElementNode(frame.Name!, componentId);
                Insert(parent, index, element);
                var end = at + frame.SubtreeLength;
                var child = at + 1;
                for (; child < end && frames[child].Kind == FrameKind.Attribute; child++)
                {
                    SetAttribute(element, frames[child]);
                }

                InsertRange(componentId, element, 0, frames, child, end);
                return 1;
            case FrameKind.Text:
                Insert(parent, index, new TextNode(frame.Value ?? string.Empty));
                return 1;
            case FrameKind.Markup:
                Insert(parent, index, new MarkupNode(frame.Value ?? string.Empty));
                return 1;
            case FrameKind.Component:
                var component = Component(frame.ComponentId);
                component.Parent?.Children.Remove(component);
                Insert(parent, index, component);
                return 1;
            case FrameKind.Region:
                return InsertRange(componentId, parent, index, frames, at + 1, at + frame.SubtreeLength);
            default:
                return 0; // reference captures: the browser records them, nothing to show
        }
    }

    private int InsertRange(int componentId, PageContainer parent, int index, Frame[] frames, int start, int end)
    {
        var first = index;
        for (var at = start; at < end;)
        {
            var frame = frames[at];
            index += InsertFrame(componentId, parent, index, frames, at);
            at += frame.Kind is FrameKind.Element or FrameKind.Component or FrameKind.Region ? frame.SubtreeLength : 1;
        }

        return index - first;
    }

    private static void Insert(PageContainer parent, int index, PageNode node)
    {
        node.Parent = parent;
        parent.Children.Insert(index, node);
    }

    private static void Remove(PageContainer parent, int index)
    {
        parent.Children[index].Parent = null;
        parent.Children.RemoveAt(index);
    }

    private static void SetAttribute(ElementNode element, Frame attribute)
    {
        var name = attribute.Name!;
        if (attribute.EventHandlerId != 0)
        {
            element.Handlers[name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name] = attribute.EventHandlerId;
            return;
        }

        element.Attributes[name] = attribute.Value;
    }

    private static void RemoveAttribute(ElementNode element, string name)
    {
        element.Attributes.Remove(name);
        if (name.StartsWith("on", StringComparison.Ordinal))
        {
            element.Handlers.Remove(name[2..]);
        }
    }
}
