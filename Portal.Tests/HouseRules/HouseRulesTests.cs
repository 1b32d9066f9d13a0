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

    /// <summary>A service does one job a newcomer can read in one sitting: about 250 lines and 10 public methods at most.</summary>
    [Fact]
    public void NoServiceIsLongerThanItsJob()
    {
        var tooBig = SourceTree.Files("*Service.cs", "Portal")
            .Select(file => (File: SourceTree.Relative(file), Lines: File.ReadAllLines(file.FullName).Length, Public: PublicMethods(file)))
            .Where(service => service.Lines > 250 || service.Public > 10)
            .Select(service => $"{service.File}: {service.Lines} lines, {service.Public} public methods")
            .ToList();

        Assert.True(tooBig.Count == 0, "Services past 250 lines or 10 public methods:\n" + string.Join('\n', tooBig));
    }

    /// <summary>Each feature is split by what it is about: no folder holds more than 15 files at one level.</summary>
    [Fact]
    public void NoFeatureFolderHoldsMoreThanFifteenFiles()
    {
        var features = new DirectoryInfo(Path.Combine(SourceTree.Root.FullName, "Portal", "Features"));
        var crowded = features.EnumerateDirectories("*", SearchOption.AllDirectories)
            .Select(folder => (Folder: SourceTree.Relative(new FileInfo(folder.FullName)), Files: folder.EnumerateFiles().Count()))
            .Where(folder => folder.Files > 15)
            .Select(folder => $"{folder.Folder}: {folder.Files} files")
            .ToList();

        Assert.True(crowded.Count == 0, "Folders with more than 15 files:\n" + string.Join('\n', crowded));
    }

    /// <summary>
    /// A page or component a newcomer can read in one sitting: no .razor file past about 150 lines
    /// (split it into components) and no <c>@code</c> block past about 60 (move it to a code-behind).
    /// </summary>
    [Fact]
    public void NoPageIsLongerThanOneSitting()
    {
        var tooLong = SourceTree.Files("*.razor", "Portal")
            .Select(file => (File: SourceTree.Relative(file), Lines: File.ReadAllLines(file.FullName)))
            .Select(page => (page.File, Total: page.Lines.Length, Code: CodeBlockLines(page.Lines)))
            .Where(page => page.Total > 150 || page.Code > 60)
            .Select(page => $"{page.File}: {page.Total} lines, @code {page.Code} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, "Pages past 150 lines or with an @code block past 60:\n" + string.Join('\n', tooLong));
    }

    /// <summary>
    /// Type is set once in portal.css (page-title, section-title, sub-title, part-title, minor-title,
    /// body-text, small-text), not by repeating MudBlazor's typography classes on each element.
    /// </summary>
    [Fact]
    public void TypographyIsSetOnceInTheStylesheet()
    {
        var repeated = SourceTree.Files("*.razor", "Portal")
            .SelectMany(file => File.ReadLines(file.FullName)
                .Select((line, index) => (Line: line, Number: index + 1))
                .Where(line => line.Line.Contains("mud-typography", StringComparison.Ordinal))
                .Select(line => $"{SourceTree.Relative(file)}:{line.Number}: {line.Line.Trim()}"))
            .ToList();

        Assert.True(repeated.Count == 0, "MudBlazor typography classes on elements (use the classes in portal.css):\n" + string.Join('\n', repeated));
    }

    /// <summary>The lines of a page's <c>@code</c> blocks, from each <c>@code</c> line to the brace that closes it.</summary>
    private static int CodeBlockLines(string[] lines)
    {
        var total = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].TrimStart().StartsWith("@code", StringComparison.Ordinal))
            {
                continue;
            }

            var depth = 0;
            var start = i;
            do
            {
                depth += lines[i].Count(c => c == '{') - lines[i].Count(c => c == '}');
                i++;
            }
            while (i < lines.Length && depth > 0);
            total += i - start;
            i--;
        }

        return total;
    }

    /// <summary>
    /// A feature uses another only where the domain links them, and says why on the line that
    /// does (a decision's links to plan actions, a meeting's officers from the establishment).
    /// </summary>
    [Fact]
    public void AFeatureUsesAnotherOnlyWithAReasonGiven()
    {
        var features = Path.Combine(SourceTree.Root.FullName, "Portal", "Features");
        var unexplained = new List<string>();
        foreach (var file in SourceTree.Files("*.cs", "Portal/Features").Concat(SourceTree.Files("*.razor", "Portal/Features")))
        {
            var feature = Path.GetRelativePath(features, file.FullName).Split(Path.DirectorySeparatorChar)[0];
            foreach (var line in File.ReadLines(file.FullName))
            {
                var match = System.Text.RegularExpressions.Regex.Match(line, @"^@?using Portal\.Features\.(?<feature>\w+)");
                if (match.Success && match.Groups["feature"].Value != feature && !line.Contains("//", StringComparison.Ordinal) && !line.Contains("@*", StringComparison.Ordinal))
                {
                    unexplained.Add($"{SourceTree.Relative(file)}: {line.Trim()}");
                }
            }
        }

        Assert.True(unexplained.Count == 0, "Uses of another feature with no reason given:\n" + string.Join('\n', unexplained));
    }

    /// <summary>
    /// Every form that saves derives from <c>Editor</c>, the one base that holds a form's
    /// <c>FormSubmission</c>: a page or form keeping its own would be a second way to save.
    /// </summary>
    [Fact]
    public void OnlyTheEditorBaseHoldsAFormSubmission()
    {
        var holders = SourceTree.Files("*.cs", "Portal").Concat(SourceTree.Files("*.razor", "Portal"))
            .Where(file => !SourceTree.Relative(file).StartsWith("Portal/Components/Shared/", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file.FullName)
                .Where(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"\bFormSubmission\??\s+_?\w+\s*(;|=(?!>)|\{)|new\s+FormSubmission\b"))
                .Select(line => $"{SourceTree.Relative(file)}: {line.Trim()}"))
            .ToList();

        Assert.True(holders.Count == 0, "FormSubmissions held outside the Editor base:\n" + string.Join('\n', holders));
    }

    private static int PublicMethods(FileInfo file) =>
        CSharpSyntaxTree.ParseText(File.ReadAllText(file.FullName)).GetRoot()
            .DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Where(type => type.Identifier.Text.EndsWith("Service", StringComparison.Ordinal))
            .SelectMany(type => type.Members.OfType<MethodDeclarationSyntax>())
            .Count(method => method.Modifiers.Any(modifier => modifier.Text == "public"));
}
