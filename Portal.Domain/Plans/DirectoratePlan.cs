using Portal.Domain.Common;

namespace Portal.Domain.Plans;

/// <summary>
/// A directorate's plan: a set of ordered priorities, each with a small number of key actions,
/// performance indicators and risks, covering a span of years and revised annually. Only the
/// open year can change; <see cref="RollForward"/> closes it and opens the next, so what was
/// reported for a past year stays as it was reported.
/// </summary>
public sealed class DirectoratePlan : Entity
{
    public const int TitleMaxLength = 300;
    public const int SummaryMaxLength = 4000;

    private readonly List<Priority> _priorities = [];

    private DirectoratePlan()
    {
        Title = string.Empty;
    }

    /// <summary>The directorate (an organisation unit) the plan belongs to.</summary>
    public int DirectorateId { get; private set; }

    public string Title { get; private set; }

    public string? Summary { get; private set; }

    public int FirstYear { get; private set; }

    public int LastYear { get; private set; }

    /// <summary>The one year whose actions, values and risks can still change.</summary>
    public int OpenYear { get; private set; }

    /// <summary>The month the council's planning year starts (4 for a UK financial year, 1 for a calendar year).</summary>
    public int YearStartMonth { get; private set; }

    public PlanCalendar Calendar => new(YearStartMonth);

    public IReadOnlyList<Priority> Priorities => _priorities;

    public static DirectoratePlan Create(int directorateId, string title, string? summary, int firstYear, int lastYear, PlanCalendar calendar)
    {
        if (lastYear < firstYear)
        {
            throw new DomainRuleException("Plan.LastYearBeforeFirst", "The last year must be the same as or after the first year.", nameof(LastYear));
        }

        if (lastYear - firstYear > 9)
        {
            throw new DomainRuleException("Plan.TooLong", "A plan can cover at most ten years.", nameof(LastYear));
        }

        var plan = new DirectoratePlan
        {
            DirectorateId = directorateId,
            FirstYear = firstYear,
            LastYear = lastYear,
            OpenYear = firstYear,
            YearStartMonth = calendar.YearStartMonth,
        };
        plan.Describe(title, summary);
        return plan;
    }

    public void Describe(string title, string? summary)
    {
        Title = Guard.RequiredText(title, TitleMaxLength, "Plan.Title", nameof(Title), "title");
        Summary = Guard.OptionalText(summary, SummaryMaxLength, "Plan.Summary", nameof(Summary), "summary");
    }

    public IEnumerable<int> Years => Enumerable.Range(FirstYear, LastYear - FirstYear + 1);

    public bool IsOpen(int year) => year == OpenYear;

    /// <summary>Refuses a change to a year that is closed (or not yet opened).</summary>
    public void EnsureOpen(int year)
    {
        if (year < OpenYear)
        {
            throw new DomainRuleException("Plan.YearClosed", $"{Calendar.YearLabel(year)} is closed: its record can be read but not changed.", null, Calendar.YearLabel(year));
        }

        if (year > OpenYear)
        {
            throw new DomainRuleException("Plan.YearNotOpen", $"{Calendar.YearLabel(year)} is not open yet.", null, Calendar.YearLabel(year));
        }
    }

    public bool CanRollForward => OpenYear < LastYear;

    /// <summary>
    /// Closes the open year and opens the next. The caller carries what continues (see
    /// <see cref="KeyAction.ContinueInto"/> and <see cref="Risk.ContinueInto"/>) into the new year.
    /// </summary>
    /// <returns>The year that was closed.</returns>
    public int RollForward()
    {
        if (!CanRollForward)
        {
            throw new DomainRuleException("Plan.NoYearToRollInto", $"{Calendar.YearLabel(OpenYear)} is the plan's last year. Start a new plan instead.", null, Calendar.YearLabel(OpenYear));
        }

        OpenYear++;
        return OpenYear - 1;
    }

    public Priority AddPriority(string title, string? description)
    {
        var priority = new Priority(this, _priorities.Count == 0 ? 1 : _priorities.Max(p => p.Number) + 1, title, description);
        _priorities.Add(priority);
        return priority;
    }

    /// <summary>Moves a priority one place up or down, renumbering so the order stays 1, 2, 3...</summary>
    public void MovePriority(int priorityId, int offset)
    {
        var ordered = _priorities.OrderBy(p => p.Number).ToList();
        var index = ordered.FindIndex(p => p.Id == priorityId);
        if (index < 0)
        {
            throw new DomainRuleException("Priority.NotFound", "That priority is not part of this plan.");
        }

        var target = Math.Clamp(index + offset, 0, ordered.Count - 1);
        var moving = ordered[index];
        ordered.RemoveAt(index);
        ordered.Insert(target, moving);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Renumber(i + 1);
        }
    }
}

/// <summary>One of a plan's priorities: what the directorate means to achieve, in the plan's order.</summary>
public sealed class Priority : Entity
{
    public const int TitleMaxLength = 300;
    public const int DescriptionMaxLength = 4000;

    private Priority()
    {
        Title = string.Empty;
    }

    internal Priority(DirectoratePlan plan, int number, string title, string? description)
    {
        PlanId = plan.Id;
        Number = number;
        Title = string.Empty;
        Revise(title, description);
    }

    public int PlanId { get; private set; }

    /// <summary>The priority's place in the plan, from 1.</summary>
    public int Number { get; private set; }

    public string Title { get; private set; }

    public string? Description { get; private set; }

    public void Revise(string title, string? description)
    {
        Title = Guard.RequiredText(title, TitleMaxLength, "Priority.Title", nameof(Title), "title");
        Description = Guard.OptionalText(description, DescriptionMaxLength, "Priority.Description", nameof(Description), "description");
    }

    internal void Renumber(int number) => Number = number;
}
