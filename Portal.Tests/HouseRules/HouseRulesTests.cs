using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Portal.Tests.HouseRules;

/// <summary>
/// Rules of the house that the compiler's own analysers do not offer, checked over the source
/// tree so that a break fails the build's tests rather than a review.
/// </summary>
public sealed class HouseRulesTests
{
    /// <summary>
    /// The database stores an enum by its name, but the code compares and orders members by their
    /// numbers (a status past another, the worse of two ratings): a member added in the middle, or two
    /// swapped, would silently change those. An explicit value on each member makes that a visible edit.
    /// </summary>
    [Fact]
    public void EveryEnumMemberStatesItsStoredValue()
    {
        var implicitMembers = SourceTree.Files("*.cs", "Portal", "Portal.Domain")
            .SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file.FullName)).GetRoot()
                .DescendantNodes().OfType<EnumDeclarationSyntax>()
                .SelectMany(declaration => declaration.Members
                    .Where(member => member.EqualsValue is null)
                    .Select(member => $"{SourceTree.Relative(file)}: {declaration.Identifier.Text}.{member.Identifier.Text}")))
            .ToList();

        Assert.True(implicitMembers.Count == 0, "Enum members without an explicit value:\n" + string.Join('\n', implicitMembers));
    }
}
