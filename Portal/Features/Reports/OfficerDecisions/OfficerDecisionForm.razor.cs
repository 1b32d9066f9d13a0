using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Reports;

namespace Portal.Features.Reports.OfficerDecisions;

public partial class OfficerDecisionForm
{
    private static readonly (string Id, string Label, string Field)[] TextFields =
    [
        ("od-decision", "OfficerDecisions.Decision", nameof(OfficerDecision.DecisionText)),
        ("od-reasons", "Decisions.Reasons", nameof(OfficerDecision.Reasons)),
        ("od-alternatives", "OfficerDecisions.Alternatives", nameof(OfficerDecision.Alternatives)),
        ("od-interests", "Decisions.Interests", nameof(OfficerDecision.Interests)),
        ("od-dispensations", "Decisions.Dispensations", nameof(OfficerDecision.Dispensations)),
        ("od-papers", "OfficerDecisions.BackgroundPapers", nameof(OfficerDecision.BackgroundPapers)),
    ];

    private readonly Draft _text = new();
    private DecisionMakerKind _kind;
    private int _makerId;
    private string? _reason;
    private bool _filled;

    [Parameter, EditorRequired]
    public OfficerDecisionChoices Choices { get; set; } = default!;

    /// <summary>The published decision to amend; null to record a new one.</summary>
    [Parameter]
    public OfficerDecisionView? Existing { get; set; }

    /// <summary>Reloads <see cref="Existing"/> after a stale save, so saving again is a deliberate choice.</summary>
    [Parameter]
    public EventCallback Stale { get; set; }

    private IReadOnlyList<NamedItem> Makers => _kind == DecisionMakerKind.Officer ? Choices.Officers : Choices.ExecutiveMembers;

    protected override IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string>
    {
        [nameof(OfficerDecision.MakerKind)] = "od-kind-Officer",
        [nameof(OfficerDecision.MakerId)] = "od-maker",
        [nameof(OfficerDecision.Delegation)] = "od-delegation",
        [nameof(OfficerDecision.Title)] = "od-title",
        [nameof(OfficerDecision.DecidedOn)] = "od-date",
        [nameof(OfficerDecision.ExemptParagraph)] = "od-exempt",
        [nameof(OfficerDecision.DecisionText)] = "od-decision",
        [nameof(OfficerDecision.Reasons)] = "od-reasons",
        [nameof(OfficerDecision.Alternatives)] = "od-alternatives",
        [nameof(OfficerDecision.Interests)] = "od-interests",
        [nameof(OfficerDecision.Dispensations)] = "od-dispensations",
        [nameof(OfficerDecision.BackgroundPapers)] = "od-papers",
        ["AmendmentReason"] = "od-amend-reason",
    };

    protected override void OnParametersSet()
    {
        if (Existing is { } d)
        {
            // Filled once from the published record: after a stale save what was typed stays.
            if (!_filled)
            {
                (_kind, _makerId, _filled) = (d.MakerKind, d.MakerId, true);
                (_text.Title, _text.Delegation, _text.DecidedOn, _text.ExemptParagraph, _text.IsKeyDecision, _text.SubjectToCallIn) =
                    (d.Title, d.Delegation, d.DecidedOn, d.ExemptParagraph, d.IsKeyDecision, d.SubjectToCallIn);
                _text.Set(nameof(OfficerDecision.DecisionText), d.Decision);
                _text.Set(nameof(OfficerDecision.Reasons), d.Reasons);
                _text.Set(nameof(OfficerDecision.Alternatives), d.Alternatives);
                _text.Set(nameof(OfficerDecision.Interests), d.Interests);
                _text.Set(nameof(OfficerDecision.Dispensations), d.Dispensations);
                _text.Set(nameof(OfficerDecision.BackgroundPapers), d.BackgroundPapers);
            }

            return;
        }

        if (Choices.Officers.Count == 0 && Choices.ExecutiveMembers.Count > 0)
        {
            Choose(DecisionMakerKind.ExecutiveMember);
        }
        else if (_makerId == 0 && Makers.Count == 1)
        {
            _makerId = Makers[0].Id;
        }
    }

    private void Choose(DecisionMakerKind kind)
    {
        _kind = kind;
        _makerId = Makers.Count == 1 ? Makers[0].Id : 0;
        _text.SubjectToCallIn = kind == DecisionMakerKind.ExecutiveMember;
    }

    private async Task SaveAsync()
    {
        var text = new OfficerDecisionText(
            _text.Title, _kind, _makerId, _text.Delegation, _text.DecidedOn, _text.Get(nameof(OfficerDecision.DecisionText)), _text.Get(nameof(OfficerDecision.Reasons)),
            _text.Get(nameof(OfficerDecision.Alternatives)), _text.Get(nameof(OfficerDecision.Interests)), _text.Get(nameof(OfficerDecision.Dispensations)),
            _text.Get(nameof(OfficerDecision.BackgroundPapers)), _text.ExemptParagraph, _text.IsKeyDecision, _text.SubjectToCallIn);
        if (Existing is { } existing)
        {
            if (await SaveAsync(ct => Decisions.AmendAsync(existing.Id, existing.Version, text, _reason, ct), Text["OfficerDecisions.Amended"], _ => Stale.InvokeAsync()))
            {
                Navigation.NavigateTo($"/decisions/officer/{existing.Id}");
            }

            return;
        }

        var id = 0;
        if (await SaveAsync(async ct => id = await Decisions.RecordAsync(text, ct), Text["OfficerDecisions.Published"]))
        {
            Navigation.NavigateTo($"/decisions/officer/{id}");
        }
    }

    private sealed class Draft
    {
        private readonly Dictionary<string, string?> _texts = [];

        public string? Title { get; set; }

        public string? Delegation { get; set; }

        public DateOnly? DecidedOn { get; set; }

        public int? ExemptParagraph { get; set; }

        public bool IsKeyDecision { get; set; }

        public bool SubjectToCallIn { get; set; }

        public string? Get(string field) => _texts.GetValueOrDefault(field);

        public void Set(string field, string? value) => _texts[field] = value;
    }
}
