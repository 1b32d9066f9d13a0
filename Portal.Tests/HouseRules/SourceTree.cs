using Portal.Tests.Infrastructure;

namespace Portal.Tests.HouseRules;

/// <summary>The repository's own source files, read as text by the tests that keep the house rules.</summary>
internal static class SourceTree
{
    /// <summary>The folder that holds <c>Portal.sln</c>.</summary>
    public static DirectoryInfo Root { get; } = new(PortalProcess.RepositoryRoot);

    /// <summary>Every file with the given ending under the named top-level projects, leaving out generated migrations and build output.</summary>
    public static IEnumerable<FileInfo> Files(string pattern, params string[] projects) =>
        projects
            .SelectMany(project => new DirectoryInfo(Path.Combine(Root.FullName, project)).EnumerateFiles(pattern, SearchOption.AllDirectories))
            .Where(file => !IsBuildOutputOrGenerated(Path.GetRelativePath(Root.FullName, file.FullName)));

    public static string Relative(FileInfo file) => Path.GetRelativePath(Root.FullName, file.FullName).Replace('\\', '/');

    private static bool IsBuildOutputOrGenerated(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj") || parts.Contains("Migrations");
    }
}
