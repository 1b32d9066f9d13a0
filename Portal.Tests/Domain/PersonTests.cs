using System.Reflection;
using Portal.Domain.Common;
using Portal.Domain.Organisation;

namespace Portal.Tests.Domain;

public sealed class PersonTests
{
    private static readonly OrganisationUnit Council = OrganisationUnit.CreateCouncil("Council");

    [Fact]
    public void RefusesToBeTheirOwnLineManager()
    {
        var person = PersonWithId(1, "Heather Rice");

        var error = Assert.Throws<DomainRuleException>(() => person.AssignLineManager(person, _ => null));

        Assert.Equal("Person.ManagesSelf", error.Code);
        Assert.Null(person.LineManagerId);
    }

    [Fact]
    public void RefusesAManagerWhoAlreadyReportsToThePerson()
    {
        // Alex manages Heather, who manages Barbara: Alex cannot then report to Barbara.
        var alex = PersonWithId(1, "Alex Morgan");
        var barbara = PersonWithId(3, "Barbara Boyce");
        var managers = new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = 2 };

        var error = Assert.Throws<DomainRuleException>(() => alex.AssignLineManager(barbara, id => managers.GetValueOrDefault(id)));

        Assert.Equal("Person.ManagementCycle", error.Code);
        Assert.Null(alex.LineManagerId);
    }

    [Fact]
    public void AcceptsAManagerOutsideThePersonsOwnChain()
    {
        var barbara = PersonWithId(3, "Barbara Boyce");
        var heather = PersonWithId(2, "Heather Rice");
        var managers = new Dictionary<int, int?> { [1] = null, [2] = 1, [3] = null };

        barbara.AssignLineManager(heather, id => managers.GetValueOrDefault(id));

        Assert.Equal(2, barbara.LineManagerId);
    }

    [Fact]
    public void ListsTheChainOfManagersNearestFirstAndStopsAtALoop()
    {
        var managers = new Dictionary<int, int?> { [4] = 3, [3] = 2, [2] = 1, [1] = 3 };

        var chain = ReportingLine.ManagersOf(4, id => managers.GetValueOrDefault(id));

        Assert.Equal([3, 2, 1], chain);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("@york.example")]
    [InlineData("name@")]
    public void RefusesAnEmailAddressInTheWrongFormat(string email)
    {
        var error = Assert.Throws<DomainRuleException>(() => Person.Create("Priya Shah", null, email, Council));

        Assert.Equal("Person.EmailInvalid", error.Code);
        Assert.Equal(nameof(Person.Email), error.Field);
    }

    private static Person PersonWithId(int id, string name)
    {
        var person = Person.Create(name, null, null, Council);
        typeof(Entity).GetProperty(nameof(Entity.Id))!.GetSetMethod(nonPublic: true)!.Invoke(person, [id]);
        return person;
    }
}
