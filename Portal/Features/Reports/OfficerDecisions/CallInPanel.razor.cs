using Microsoft.AspNetCore.Components;
using Portal.Domain.Reports;

namespace Portal.Features.Reports.OfficerDecisions;

public partial class CallInPanel
{
    private readonly HashSet<int> _members = [];
    private string? _reasons;
    private string? _urgentReason;
    private string? _urgentBy;
    private DateOnly? _urgentOn;

    [Parameter, EditorRequired]
    public OfficerDecisionView View { get; set; } = default!;

    /// <summary>Raised after a refused stale save; a save reaches the page through the change feed.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    protected override IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string>
    {
        ["Members"] = "ci-members",
        [nameof(OfficerDecision.Requests)] = "ci-members",
        [nameof(CallInRequest.Reasons)] = "ci-reasons",
        [nameof(OfficerDecision.UrgencyReason)] = "ci-urgent-reason",
        [nameof(OfficerDecision.UrgencyAgreedBy)] = "ci-urgent-by",
        [nameof(OfficerDecision.UrgencyAgreedOn)] = "ci-urgent-on",
        [nameof(OfficerDecision.ImplementedOn)] = "ci-implement",
    };

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
        if (await SaveAsync(ct => CallIn.RequestAsync(View.Id, [.. _members], _reasons, ct), Text["CallIn.Requested"], _ => Changed.InvokeAsync()))
        {
            _reasons = null;
            _members.Clear();
        }
    }

    private Task UrgentAsync() => SaveAsync(ct => CallIn.ExemptAsUrgentAsync(View.Id, _urgentReason, _urgentBy, _urgentOn, ct), Text["CallIn.UrgencySaved"]);

    private Task ImplementAsync() => SaveAsync(ct => CallIn.MarkImplementedAsync(View.Id, ct), Text["CallIn.Implemented"]);
}
