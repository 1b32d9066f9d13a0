using Portal.Components.Shared;
using Portal.Domain.Plans;
using Portal.Infrastructure.Concurrency;

namespace Portal.Features.Plans.Risks;

public sealed record RiskDetails(
    int Id, int Version, PlanHeader Plan, int Year, bool YearIsOpen, string Title, string? Cause, string? Consequence, string? Controls,
    NamedItem Owner, NamedItem? Priority, RiskScore Inherent, RiskScore Residual, RiskScore Target, DateOnly ReviewDate,
    bool IsClosed, bool ExceedsAppetite, int RiskAppetite, IReadOnlyList<ChangeMade> History, bool CanEdit, EditChoices Choices);

public sealed record RiskEdit(
    string Title, string? Cause, string? Consequence, string? Controls, int OwnerId, int? PriorityId,
    int InherentLikelihood, int InherentImpact, int ResidualLikelihood, int ResidualImpact, int TargetLikelihood, int TargetImpact,
    DateOnly? ReviewDate, bool IsClosed, int Version);
