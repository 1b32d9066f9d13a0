using System.Globalization;
using System.Security.Claims;
using Portal.Domain.Plans;
using Portal.Domain.Thread;
using Portal.Infrastructure.Security;

namespace Portal.Features.Thread;

/// <summary>
/// The shared <see cref="ThreadModel"/> as one reader may see it: appraisal content (an
/// objective's text, owner and rating) is masked for anyone the privacy rule does not let read
/// it. Masking happens here, before any page, search or export sees an item.
/// </summary>
internal sealed class ThreadSnapshot(ThreadModel model, ClaimsPrincipal viewer)
{
    private readonly int? _viewerId = int.TryParse(viewer.FindFirstValue(PortalClaims.PersonId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
    private readonly bool _isHr = viewer.IsInRole(Roles.Administrator);
    private readonly Dictionary<int, bool> _readable = [];

    public ThreadModel Model => model;

    public ThreadGraph Graph => model.Graph;

    public int Year => model.Year;

    public PlanCalendar Calendar => model.Calendar;

    public IEnumerable<ThreadNodeView> Views => model.Nodes.Keys.Select(View);

    public ThreadNodeView View(ThreadNode node)
    {
        if (!model.Nodes.TryGetValue(node, out var facts))
        {
            return new ThreadNodeView(node, null, null, null, Rag.NotRated, IsPrivate: node.Level == ThreadLevel.Appraisal);
        }

        if (facts.SubjectPersonId is int subject && !CanRead(subject))
        {
            return new ThreadNodeView(node, null, null, null, Rag.NotRated, IsPrivate: true);
        }

        return new ThreadNodeView(node, facts.Title, facts.Context, facts.Owner, facts.Rag, false);
    }

    public IReadOnlyList<IReadOnlyList<ThreadNodeView>> TraceUp(ThreadNode node) =>
        Graph.TraceUp(node).Select(path => (IReadOnlyList<ThreadNodeView>)path.Select(View).ToList()).ToList();

    private bool CanRead(int subject)
    {
        if (!_readable.TryGetValue(subject, out var readable))
        {
            readable = AppraisalPrivacy.CanRead(_viewerId, _isHr, subject, id => model.ManagerOf.GetValueOrDefault(id));
            _readable[subject] = readable;
        }

        return readable;
    }
}
