using Portal.Domain.Thread;

namespace Portal.Features.Thread.Appraisals;

/// <summary>One person's appraisal for the year, for the person, their managers and HR only.</summary>
public sealed record AppraisalView(
    int PersonId, string PersonName, string YearLabel, bool IsClosed, IReadOnlyList<ObjectiveRow> Objectives,
    IReadOnlyList<ReviewRow> Reviews, bool CanComment, bool CanRate);

public sealed record ObjectiveRow(int Id, string Text, string? Measure, DateOnly? DueDate, ThreadStatus Status);

public sealed record ReviewRow(ReviewStage Stage, ReviewRating? Rating, string? PersonComment, string? ManagerComment, DateOnly Date);

/// <summary>The people who report to the caller directly, whose appraisals they can open.</summary>
public sealed record DirectReport(int PersonId, string Name);
