using Portal.Domain.Common;

namespace Portal.Domain.Organisation;

/// <summary>
/// Someone who works for or with the council. A person may have a sign-in (staff and councillors
/// do; a partner named on a plan may not) and a line manager, whose chain decides who may see
/// their appraisal.
/// </summary>
public sealed class Person : Entity
{
    public const int NameMaxLength = 200;
    public const int JobTitleMaxLength = 200;
    public const int EmailMaxLength = 256;

    private Person()
    {
        DisplayName = string.Empty;
    }

    public string DisplayName { get; private set; }

    public string? JobTitle { get; private set; }

    public string? Email { get; private set; }

    public int UnitId { get; private set; }

    public OrganisationUnit? Unit { get; private set; }

    public int? LineManagerId { get; private set; }

    /// <summary>The Identity user this person signs in as, if any.</summary>
    public string? UserId { get; private set; }

    /// <summary>Whether this person is an elected councillor rather than a member of staff.</summary>
    public bool IsCouncillor { get; private set; }

    public static Person Create(string displayName, string? jobTitle, string? email, OrganisationUnit unit, bool isCouncillor = false)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var person = new Person { UnitId = unit.Id, Unit = unit, IsCouncillor = isCouncillor };
        person.ChangeDetails(displayName, jobTitle, email);
        return person;
    }

    public void ChangeDetails(string displayName, string? jobTitle, string? email)
    {
        DisplayName = Guard.RequiredText(displayName, NameMaxLength, "Person.Name", nameof(DisplayName), "name");
        JobTitle = Guard.OptionalText(jobTitle, JobTitleMaxLength, "Person.JobTitle", nameof(JobTitle), "job title");
        Email = Guard.OptionalText(email, EmailMaxLength, "Person.Email", nameof(Email), "email address");
        if (Email is not null && (!Email.Contains('@', StringComparison.Ordinal) || Email.StartsWith('@') || Email.EndsWith('@')))
        {
            throw new DomainRuleException("Person.EmailInvalid", "Enter an email address in the correct format, like name@example.gov.uk.", nameof(Email));
        }
    }

    public void MoveTo(OrganisationUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        UnitId = unit.Id;
        Unit = unit;
    }

    /// <summary>Links this person to the sign-in they use.</summary>
    public void LinkSignIn(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        UserId = userId;
    }

    /// <summary>This person no longer signs in as the sign-in they had (it may then be linked to someone else).</summary>
    public void UnlinkSignIn() => UserId = null;

    /// <summary>
    /// Sets the line manager. <paramref name="managerOf"/> answers "who manages this person?"
    /// for everyone else, so a chain that would loop back to this person is refused.
    /// </summary>
    public void AssignLineManager(Person? manager, Func<int, int?> managerOf)
    {
        ArgumentNullException.ThrowIfNull(managerOf);
        if (manager is null)
        {
            LineManagerId = null;
            return;
        }

        if (manager.Id == Id)
        {
            throw new DomainRuleException("Person.ManagesSelf", "A person cannot be their own line manager.", nameof(LineManagerId));
        }

        if (ReportingLine.Contains(manager.Id, Id, managerOf))
        {
            throw new DomainRuleException(
                "Person.ManagementCycle",
                $"{manager.DisplayName} already reports to {DisplayName}, so {DisplayName} cannot report to them.",
                nameof(LineManagerId),
                manager.DisplayName,
                DisplayName);
        }

        LineManagerId = manager.Id;
    }
}
