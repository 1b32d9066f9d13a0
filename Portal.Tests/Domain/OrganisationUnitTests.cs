using Portal.Domain.Common;
using Portal.Domain.Organisation;

namespace Portal.Tests.Domain;

public sealed class OrganisationUnitTests
{
    [Fact]
    public void CreatesADirectorateDirectlyUnderTheCouncil()
    {
        var council = OrganisationUnit.CreateCouncil("City of York Council", "CYC");

        var directorate = OrganisationUnit.CreateUnder(council, UnitKind.Directorate, "  Chief Executive's Directorate  ", "CEX");

        Assert.Equal("Chief Executive's Directorate", directorate.Name);
        Assert.Equal(UnitKind.Directorate, directorate.Kind);
        Assert.Same(council, directorate.Parent);
    }

    [Theory]
    [InlineData(UnitKind.Service)]
    [InlineData(UnitKind.Team)]
    public void RefusesAUnitThatSkipsALevel(UnitKind kind)
    {
        var council = OrganisationUnit.CreateCouncil("Council");

        var error = Assert.Throws<DomainRuleException>(() => OrganisationUnit.CreateUnder(council, kind, "Somewhere"));

        Assert.Equal("Unit.WrongParentKind", error.Code);
        Assert.Equal(nameof(OrganisationUnit.ParentId), error.Field);
    }

    [Fact]
    public void RefusesASecondCouncilUnderAnother()
    {
        var council = OrganisationUnit.CreateCouncil("Council");

        var error = Assert.Throws<DomainRuleException>(() => OrganisationUnit.CreateUnder(council, UnitKind.Council, "Another"));

        Assert.Equal("Unit.CouncilHasNoParent", error.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RefusesARenameToNothingAndKeepsTheOldName(string? name)
    {
        var council = OrganisationUnit.CreateCouncil("Council");

        var error = Assert.Throws<DomainRuleException>(() => council.Rename(name!, null, null));

        Assert.Equal("Unit.NameRequired", error.Code);
        Assert.Equal(nameof(OrganisationUnit.Name), error.Field);
        Assert.Equal("Council", council.Name);
    }

    [Fact]
    public void RefusesANameLongerThanTheLimit()
    {
        var council = OrganisationUnit.CreateCouncil("Council");

        var error = Assert.Throws<DomainRuleException>(() => council.Rename(new string('x', OrganisationUnit.NameMaxLength + 1), null, null));

        Assert.Equal("Unit.NameTooLong", error.Code);
        Assert.Equal([OrganisationUnit.NameMaxLength], error.Arguments);
    }

    [Fact]
    public void TurnsABlankShortNameIntoNone()
    {
        var council = OrganisationUnit.CreateCouncil("Council", "C");

        council.Rename("Council", "   ", " A description ");

        Assert.Null(council.ShortName);
        Assert.Equal("A description", council.Description);
    }
}

public sealed class DirectorateOfTests
{
    private static readonly Dictionary<int, (UnitKind Kind, int? ParentId)> Units = new()
    {
        [1] = (UnitKind.Council, null),
        [2] = (UnitKind.Directorate, 1),
        [3] = (UnitKind.Service, 2),
        [4] = (UnitKind.Team, 3),
    };

    [Theory]
    [InlineData(4, 2)]
    [InlineData(3, 2)]
    [InlineData(2, 2)]
    [InlineData(1, null)]
    [InlineData(99, null)]
    public void FindsTheDirectorateAUnitSitsIn(int unit, int? directorate) =>
        Assert.Equal(directorate, UnitKindRules.DirectorateOf(unit, id => Units.TryGetValue(id, out var u) ? u : null));
}
