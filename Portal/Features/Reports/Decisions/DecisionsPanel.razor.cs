using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Reports;
using Portal.Features.Meetings.Votes; // a decision records the vote at the meeting that decided it, offered as the meeting's record allows
using Portal.Features.Reports.Reading;

namespace Portal.Features.Reports.Decisions;

public partial class DecisionsPanel
{
    private readonly Dictionary<int, DecisionDraft> _edits = [];
    private readonly Dictionary<int, string?> _links = [];
    private (IReadOnlyList<NamedItem> Actions, IReadOnlyList<NamedItem> ThreadItems)? _choices;
    private int _loadedVersion = -1;
    private IReadOnlyList<VoteView> _votes = [];
    private bool _votesLoaded;

    [Inject]
    private VoteService Votes { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (Report.Rights.CanDecide)
        {
            _choices ??= await Decisions.LinkChoicesAsync(Closing);
            if (Report.Meeting is MeetingRef meeting && !_votesLoaded)
            {
                _votesLoaded = true;
                // The votes under the report's own agenda item, or every vote at the meeting when the report names no item.
                _votes = (await Votes.VotesAsync(meeting.Id, Closing)).Where(v => Report.AgendaItemId is null || v.ItemId == Report.AgendaItemId).ToList();
            }
        }

        var version = Report.Recommendations.Sum(r => r.Decision?.Version ?? 0) + Report.Version;
        if (version != _loadedVersion)
        {
            _edits.Clear();
            _loadedVersion = version;
        }
    }

    private DecisionDraft Edit(RecommendationView r)
    {
        if (!_edits.TryGetValue(r.Id, out var draft))
        {
            var d = r.Decision;
            draft = new DecisionDraft
            {
                Version = d?.Version ?? 0,
                Outcome = d?.Outcome,
                DecidedOn = d?.DecidedOn ?? Report.Meeting?.Date,
                Wording = d?.Wording ?? r.Text,
                Reasons = d?.Reasons ?? r.Reason,
                Alternatives = d?.Alternatives,
                Interests = d?.Interests,
                VoteId = d?.Vote?.Id,
            };
            _edits[r.Id] = draft;
        }

        return draft;
    }

    private Task RecordAsync(RecommendationView r)
    {
        var e = Edit(r);
        var prefix = $"dec-{r.Id}";
        return RunAsync(
            () => Decisions.RecordAsync(Report.Id, r.Id, new DecisionEdit(e.Version, e.DecidedOn, e.Outcome, e.Wording, e.Reasons, e.Alternatives, e.Interests, e.VoteId), Closing),
            field => field switch
            {
                nameof(Decision.Outcome) => $"{prefix}-outcome",
                nameof(Decision.DecidedOn) => $"{prefix}-date",
                nameof(Decision.Reasons) => $"{prefix}-reasons",
                nameof(Decision.AlternativesRejected) => $"{prefix}-alternatives",
                nameof(Decision.InterestsDeclared) => $"{prefix}-interests",
                nameof(Decision.VoteId) => $"{prefix}-vote",
                _ => $"{prefix}-wording",
            },
            T["Decisions.Saved"]);
    }

    private Task LinkAsync(int decisionId, int recommendationId)
    {
        var chosen = _links.GetValueOrDefault(recommendationId)?.Split(':');
        var field = $"dec-{recommendationId}-link";
        if (chosen is not [var target, var id] || !Enum.TryParse<DecisionTarget>(target, out var kind) || !int.TryParse(id, out var targetId))
        {
            Form.Refuse(field, T["Decisions.ChooseLink"]);
            return Task.CompletedTask;
        }

        return RunAsync(() => Decisions.LinkAsync(decisionId, kind, targetId, Closing), _ => field, T["Decisions.Linked"]);
    }

    private Task UnlinkAsync(int decisionId, DecisionLinkView link) =>
        RunAsync(() => Decisions.UnlinkAsync(decisionId, link.Target, link.TargetId, Closing), _ => string.Empty, T["Decisions.Unlinked"]);

    private sealed class DecisionDraft
    {
        public int Version { get; set; }

        public DecisionOutcome? Outcome { get; set; }

        public DateOnly? DecidedOn { get; set; }

        public string? Wording { get; set; }

        public string? Reasons { get; set; }

        public string? Alternatives { get; set; }

        public string? Interests { get; set; }

        public int? VoteId { get; set; }
    }
}
