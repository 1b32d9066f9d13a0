using System.Globalization;
using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Plans;

namespace Portal.Features.Plans.Risks;

/// <summary>Adds or revises a risk: what it is, who owns it, and its inherent, residual and target scores.</summary>
public sealed partial class RiskForm
{
    private RiskFormModel _form = new();
    private int _loadedFor = -1;

    /// <summary>The risk to revise, or null to add one to <see cref="PlanId"/>.</summary>
    [Parameter]
    public RiskDetails? Risk { get; set; }

    [Parameter]
    public int PlanId { get; set; }

    [Parameter, EditorRequired]
    public EditChoices Choices { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    private IEnumerable<(string Kind, string Label)> Scores =>
    [
        ("inherent", T["Risk.Inherent"]),
        ("residual", T["Risk.Residual"]),
        ("target", T["Risk.Target"]),
    ];

    protected override void OnParametersSet()
    {
        var id = Risk?.Id ?? 0;
        if (_loadedFor == id)
        {
            return;
        }

        _loadedFor = id;
        _form = Risk is null ? new RiskFormModel() : RiskFormModel.From(Risk);
    }

    private async Task SaveAsync()
    {
        var edit = _form.ToEdit(out var unreadable);
        if (unreadable is not null)
        {
            Submission.Refuse(unreadable, T[unreadable.EndsWith("likelihood", StringComparison.Ordinal) ? "Rule.Risk.LikelihoodOutOfRange" : "Rule.Risk.ImpactOutOfRange"]);
            return;
        }

        if (Risk is null)
        {
            await SaveAsync(async ct => Navigation.NavigateTo($"/plans/risks/{await Risks.CreateRiskAsync(PlanId, edit, ct)}"));
            return;
        }

        var saved = await SaveAsync(
            async ct => _form.Version = await Risks.UpdateRiskAsync(Risk.Id, edit, ct),
            refresh: async ct => _form.Version = (await Risks.GetRiskAsync(Risk.Id, ct))?.Version ?? _form.Version);
        if (saved)
        {
            await Saved.InvokeAsync();
        }
    }

    protected override IReadOnlyDictionary<string, string> FieldIds { get; } = new Dictionary<string, string>
    {
        [nameof(Domain.Plans.Risk.Title)] = "risk-title",
        [nameof(Domain.Plans.Risk.Cause)] = "risk-cause",
        [nameof(Domain.Plans.Risk.Consequence)] = "risk-consequence",
        [nameof(Domain.Plans.Risk.Controls)] = "risk-controls",
        [nameof(Domain.Plans.Risk.OwnerId)] = "risk-owner",
        [nameof(Domain.Plans.Risk.PriorityId)] = "risk-priority",
        [nameof(Domain.Plans.Risk.ReviewDate)] = "risk-review",
        [nameof(Domain.Plans.Risk.InherentLikelihood)] = "risk-inherent-likelihood",
        [nameof(Domain.Plans.Risk.InherentImpact)] = "risk-inherent-impact",
        [nameof(Domain.Plans.Risk.ResidualLikelihood)] = "risk-residual-likelihood",
        [nameof(Domain.Plans.Risk.ResidualImpact)] = "risk-residual-impact",
        [nameof(Domain.Plans.Risk.TargetLikelihood)] = "risk-target-likelihood",
        [nameof(Domain.Plans.Risk.TargetImpact)] = "risk-target-impact",
    };

    /// <summary>The form as typed: scores stay text until saved, so "6" or "high" is reported beside its field.</summary>
    private sealed class RiskFormModel
    {
        private readonly Dictionary<string, string?> _scores = new(StringComparer.Ordinal);

        public string? Title { get; set; }

        public string? Cause { get; set; }

        public string? Consequence { get; set; }

        public string? Controls { get; set; }

        public int OwnerId { get; set; }

        public int PriorityId { get; set; }

        public DateOnly? ReviewDate { get; set; }

        public bool IsClosed { get; set; }

        public int Version { get; set; }

        public static RiskFormModel From(RiskDetails risk)
        {
            var form = new RiskFormModel
            {
                Title = risk.Title, Cause = risk.Cause, Consequence = risk.Consequence, Controls = risk.Controls,
                OwnerId = risk.Owner.Id, PriorityId = risk.Priority?.Id ?? 0, ReviewDate = risk.ReviewDate, IsClosed = risk.IsClosed, Version = risk.Version,
            };
            foreach (var (kind, score) in new[] { ("inherent", risk.Inherent), ("residual", risk.Residual), ("target", risk.Target) })
            {
                form.Set(kind, true, score.Likelihood.ToString(CultureInfo.CurrentCulture));
                form.Set(kind, false, score.Impact.ToString(CultureInfo.CurrentCulture));
            }

            return form;
        }

        public string? Get(string kind, bool likelihood) => _scores.GetValueOrDefault(Key(kind, likelihood));

        public void Set(string kind, bool likelihood, string? value) => _scores[Key(kind, likelihood)] = value;

        /// <summary>The submission, or the id of the first score that is not a whole number.</summary>
        public RiskEdit ToEdit(out string? unreadable)
        {
            unreadable = null;
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var kind in new[] { "inherent", "residual", "target" })
            {
                foreach (var likelihood in new[] { true, false })
                {
                    var key = Key(kind, likelihood);
                    if (!int.TryParse(_scores.GetValueOrDefault(key), NumberStyles.Integer, CultureInfo.CurrentCulture, out var n))
                    {
                        unreadable ??= key;
                    }

                    numbers[key] = n;
                }
            }

            return new RiskEdit(
                Title ?? string.Empty, Cause, Consequence, Controls, OwnerId, PriorityId == 0 ? null : PriorityId,
                numbers["risk-inherent-likelihood"], numbers["risk-inherent-impact"], numbers["risk-residual-likelihood"], numbers["risk-residual-impact"],
                numbers["risk-target-likelihood"], numbers["risk-target-impact"], ReviewDate, IsClosed, Version);
        }

        private static string Key(string kind, bool likelihood) => $"risk-{kind}-{(likelihood ? "likelihood" : "impact")}";
    }
}
