using Portal.Domain.Common;
using Portal.Domain.Organisation;

namespace Portal.Domain.Thread;

/// <summary>
/// One person's appraisal for one appraisal year: their objectives (each with a measure and a due
/// date, each contributing to their team's workplan) and a mid-year and a year-end review by
/// the person and their manager. Its content is personal data: see <see cref="AppraisalPrivacy"/>.
/// Once the year is closed nothing in it changes.
/// </summary>
public sealed class Appraisal : Entity
{
    private readonly List<AppraisalObjective> _objectives = [];
    private readonly List<AppraisalReview> _reviews = [];

    private Appraisal()
    {
    }

    public int PersonId { get; private set; }

    public int Year { get; private set; }

    public bool IsClosed { get; private set; }

    public IReadOnlyList<AppraisalObjective> Objectives => _objectives;

    public IReadOnlyList<AppraisalReview> Reviews => _reviews;

    public static Appraisal Open(int personId, int year) => new() { PersonId = personId, Year = year };

    public AppraisalObjective AddObjective(string text, string? measure, DateOnly? dueDate)
    {
        EnsureOpen();
        var objective = new AppraisalObjective(text, measure, dueDate);
        _objectives.Add(objective);
        return objective;
    }

    /// <summary>Records a review; a second review at the same stage replaces the first.</summary>
    public AppraisalReview Review(ReviewStage stage, ReviewRating rating, string? personComment, string? managerComment, DateOnly date)
    {
        EnsureOpen();
        if (!Enum.IsDefined(rating))
        {
            throw new DomainRuleException("Appraisal.RatingUnknown", "Choose a rating from the list.", nameof(AppraisalReview.Rating));
        }

        _reviews.RemoveAll(r => r.Stage == stage);
        var review = new AppraisalReview(stage, rating, personComment, managerComment, date);
        _reviews.Add(review);
        return review;
    }

    /// <summary>The person's own comment at a stage; the manager's rating and comment are kept.</summary>
    public AppraisalReview CommentAsPerson(ReviewStage stage, string? comment, DateOnly date)
    {
        EnsureOpen();
        var review = _reviews.SingleOrDefault(r => r.Stage == stage) ?? Add(stage, date);
        review.SetPersonComment(comment, date);
        return review;
    }

    /// <summary>The manager's rating and comment at a stage; the person's comment is kept.</summary>
    public AppraisalReview RateAsManager(ReviewStage stage, ReviewRating rating, string? comment, DateOnly date)
    {
        EnsureOpen();
        if (!Enum.IsDefined(rating))
        {
            throw new DomainRuleException("Appraisal.RatingUnknown", "Choose a rating from the list.", nameof(AppraisalReview.Rating));
        }

        var review = _reviews.SingleOrDefault(r => r.Stage == stage) ?? Add(stage, date);
        review.SetManagerView(rating, comment, date);
        return review;
    }

    public void Close() => IsClosed = true;

    private AppraisalReview Add(ReviewStage stage, DateOnly date)
    {
        var review = new AppraisalReview(stage, ReviewRating.Met, null, null, date) { IsRated = false };
        _reviews.Add(review);
        return review;
    }

    private void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainRuleException("Appraisal.Closed", $"The {Year} appraisal year is closed: its objectives and reviews can no longer change.", null, Year);
        }
    }
}

public sealed class AppraisalObjective : Entity
{
    public const int TextMaxLength = 2000;

    private AppraisalObjective()
    {
        Text = string.Empty;
    }

    internal AppraisalObjective(string text, string? measure, DateOnly? dueDate)
    {
        Text = Guard.RequiredText(text, TextMaxLength, "Objective.Text", nameof(Text), "objective");
        Measure = Guard.OptionalText(measure, TextMaxLength, "Objective.Measure", nameof(Measure), "measure");
        DueDate = dueDate;
    }

    public int AppraisalId { get; private set; }

    public string Text { get; private set; }

    public string? Measure { get; private set; }

    public DateOnly? DueDate { get; private set; }

    public ThreadStatus Status { get; private set; }

    public void SetStatus(ThreadStatus status) => Status = status;
}

public sealed class AppraisalReview : Entity
{
    public const int CommentMaxLength = 4000;

    private AppraisalReview()
    {
    }

    internal AppraisalReview(ReviewStage stage, ReviewRating rating, string? personComment, string? managerComment, DateOnly date)
    {
        Stage = stage;
        Rating = rating;
        PersonComment = Guard.OptionalText(personComment, CommentMaxLength, "Review.PersonComment", nameof(PersonComment), "comment");
        ManagerComment = Guard.OptionalText(managerComment, CommentMaxLength, "Review.ManagerComment", nameof(ManagerComment), "comment");
        Date = date;
    }

    public int AppraisalId { get; private set; }

    public ReviewStage Stage { get; private set; }

    public ReviewRating Rating { get; private set; }

    /// <summary>Whether the manager has rated this stage yet (the person may comment first).</summary>
    public bool IsRated { get; internal set; } = true;

    public string? PersonComment { get; private set; }

    public string? ManagerComment { get; private set; }

    public DateOnly Date { get; private set; }

    internal void SetPersonComment(string? comment, DateOnly date)
    {
        PersonComment = Guard.OptionalText(comment, CommentMaxLength, "Review.PersonComment", nameof(PersonComment), "comment");
        Date = date;
    }

    internal void SetManagerView(ReviewRating rating, string? comment, DateOnly date)
    {
        ManagerComment = Guard.OptionalText(comment, CommentMaxLength, "Review.ManagerComment", nameof(ManagerComment), "comment");
        Rating = rating;
        IsRated = true;
        Date = date;
    }
}

public enum ReviewStage
{
    MidYear = 1,
    YearEnd = 2,
}

public enum ReviewRating
{
    NotMet = 1,
    PartlyMet = 2,
    Met = 3,
    Exceeded = 4,
}

/// <summary>
/// Who may read what is in an appraisal (objectives' text, reviews, ratings): the person, anyone
/// in their line-management chain, and administrators acting as HR. Everyone else, directors
/// included, sees only counts.
/// </summary>
public static class AppraisalPrivacy
{
    public static bool CanRead(int? viewerPersonId, bool viewerIsHr, int subjectPersonId, Func<int, int?> managerOf)
    {
        ArgumentNullException.ThrowIfNull(managerOf);
        if (viewerIsHr || viewerPersonId == subjectPersonId)
        {
            return true;
        }

        return viewerPersonId is int viewer && ReportingLine.ManagersOf(subjectPersonId, managerOf).Contains(viewer);
    }
}
