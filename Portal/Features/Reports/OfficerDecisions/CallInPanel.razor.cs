using Microsoft.AspNetCore.Components;
using Portal.Domain.Reports;
using Portal.Features.Reports.MeetingCallIn;

namespace Portal.Features.Reports.OfficerDecisions;

public partial class CallInPanel
{
    private readonly HashSet<int> _members = [];
    private string? _reasons;
    private string? _urgentReason;
    private string? _urgentBy;
    private DateOnly? _urgentOn;

    [Parameter, EditorRequired]
    public CallInView View { get; set; } = default!;

    /// <summary>Starts every id in the panel, so that several panels (one per decision) can share a page.</summary>
    [Parameter]
    public string Prefix { get; set; } = "ci";

    /// <summary>Inside a decision's block on a report page: a minor heading, not a section of the page.</summary>
    [Parameter]
    public bool Nested { get; set; }

    /// <summary>Raised after a refused stale save; a save reaches the page through the change feed.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    protected override IReadOnlyDictionary<string, string> FieldIds => new Dictionary<string, string>
    {
        ["Members"] = $"{Prefix}-members",
        [nameof(CallInSubject.Requests)] = $"{Prefix}-members",
        [nameof(CallInRequest.Reasons)] = $"{Prefix}-reasons",
        [nameof(CallInSubject.UrgencyReason)] = $"{Prefix}-urgent-reason",
        [nameof(CallInSubject.UrgencyAgreedBy)] = $"{Prefix}-urgent-by",
        [nameof(CallInSubject.UrgencyAgreedOn)] = $"{Prefix}-urgent-on",
        [nameof(CallInSubject.ImplementedOn)] = $"{Prefix}-implement",
    };

    /// <summary>The service that records this kind of decision's call-in, and checks the caller's rights on it.</summary>
    private ICallInWrites Writes => View.Kind == CallInOf.MeetingDecision ? MeetingCallIn : CallIn;

    private void Toggle(int id, bool on)
    {
        if (on)
        {
            _members.Add(id);
        }
        else
        {
            _members.Remove(id);
        }
    }

    private async Task RequestAsync()
    {
        if (await SaveAsync(ct => Writes.RequestAsync(View.Id, [.. _members], _reasons, ct), Text["CallIn.Requested"], _ => Changed.InvokeAsync()))
        {
            _reasons = null;
            _members.Clear();
        }
    }

    private Task UrgentAsync() => SaveAsync(ct => Writes.ExemptAsUrgentAsync(View.Id, _urgentReason, _urgentBy, _urgentOn, ct), Text["CallIn.UrgencySaved"]);

    private Task ImplementAsync() => SaveAsync(ct => Writes.MarkImplementedAsync(View.Id, ct), Text["CallIn.Implemented"]);
}
