using Portal.Domain.Common;

namespace Portal.Domain.Establishment;

/// <summary>A grade and its salary band, such as "JNC for Chief Officers: Assistant Director, £52,500 to £58,000".</summary>
public sealed class Grade : Entity
{
    public const int NameMaxLength = 200;
    public const decimal MaxSalary = 1_000_000m;

    private Grade()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public decimal BandMinimum { get; private set; }

    public decimal BandMaximum { get; private set; }

    public decimal BandMidpoint => (BandMinimum + BandMaximum) / 2;

    public static Grade Create(string name, decimal minimum, decimal maximum)
    {
        var grade = new Grade();
        grade.Change(name, minimum, maximum);
        return grade;
    }

    public void Change(string name, decimal minimum, decimal maximum)
    {
        if (minimum <= 0 || minimum > MaxSalary)
        {
            throw new DomainRuleException("Grade.MinimumOutOfRange", "Enter the band's minimum salary, more than £0.", nameof(BandMinimum));
        }

        if (maximum < minimum)
        {
            throw new DomainRuleException("Grade.MinimumAboveMaximum", "The band's minimum cannot be more than its maximum.", nameof(BandMaximum));
        }

        if (maximum > MaxSalary)
        {
            throw new DomainRuleException("Grade.MaximumOutOfRange", "Enter a band maximum below £1,000,000.", nameof(BandMaximum));
        }

        Name = Guard.RequiredText(name, NameMaxLength, "Grade.Name", nameof(Name), "grade's name");
        BandMinimum = minimum;
        BandMaximum = maximum;
    }
}
