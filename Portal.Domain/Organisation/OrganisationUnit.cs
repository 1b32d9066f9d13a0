using Portal.Domain.Common;

namespace Portal.Domain.Organisation;

/// <summary>
/// A part of the council's structure: the council, a directorate, a service or a team. Each sits
/// directly under a unit one level up, so plans, posts and people can be rolled up the structure
/// without gaps.
/// </summary>
public sealed class OrganisationUnit : Entity
{
    public const int NameMaxLength = 200;
    public const int ShortNameMaxLength = 20;
    public const int DescriptionMaxLength = 4000;

    private OrganisationUnit()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>An abbreviation people use, such as "CEX" for the Chief Executive's Directorate.</summary>
    public string? ShortName { get; private set; }

    /// <summary>What the unit is for, in Markdown.</summary>
    public string? Description { get; private set; }

    public UnitKind Kind { get; private set; }

    public int? ParentId { get; private set; }

    /// <summary>The unit above; loaded only where a query asks for it.</summary>
    public OrganisationUnit? Parent { get; private set; }

    /// <summary>Creates the council, the root of the structure.</summary>
    public static OrganisationUnit CreateCouncil(string name, string? shortName = null) =>
        new()
        {
            Kind = UnitKind.Council,
            Name = ValidName(name),
            ShortName = ValidShortName(shortName),
        };

    /// <summary>Creates a unit directly beneath <paramref name="parent"/>, which must be one level up.</summary>
    public static OrganisationUnit CreateUnder(OrganisationUnit parent, UnitKind kind, string name, string? shortName = null, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var expected = UnitKindRules.ParentKindOf(kind)
            ?? throw new DomainRuleException("Unit.CouncilHasNoParent", "A council cannot sit under another unit.", nameof(Kind));
        if (parent.Kind != expected)
        {
            throw new DomainRuleException(
                "Unit.WrongParentKind",
                $"A {kind} must sit directly under a {expected}, not a {parent.Kind}.",
                nameof(ParentId),
                kind,
                expected,
                parent.Kind);
        }

        return new OrganisationUnit
        {
            Kind = kind,
            Name = ValidName(name),
            ShortName = ValidShortName(shortName),
            Description = ValidDescription(description),
            ParentId = parent.Id,
            Parent = parent,
        };
    }

    /// <summary>Changes what the unit is called and how it is described.</summary>
    public void Rename(string name, string? shortName, string? description)
    {
        Name = ValidName(name);
        ShortName = ValidShortName(shortName);
        Description = ValidDescription(description);
    }

    private static string ValidName(string? name) =>
        Guard.RequiredText(name, NameMaxLength, "Unit.Name", nameof(Name), "name");

    private static string? ValidShortName(string? shortName) =>
        Guard.OptionalText(shortName, ShortNameMaxLength, "Unit.ShortName", nameof(ShortName), "short name");

    private static string? ValidDescription(string? description) =>
        Guard.OptionalText(description, DescriptionMaxLength, "Unit.Description", nameof(Description), "description");
}
