namespace OpsConsole.Tests.Architecture;

/// <summary>The console's source files, found from the test's own folder, for rules about how the code is laid out.</summary>
static class SourceTree
{
    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpsConsole.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No OpsConsole.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The C# and Razor files under a folder of the OpsConsole project, with paths relative to the repository.</summary>
    public static IEnumerable<(string Path, string Text)> Files(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Root, "OpsConsole", folder), "*.*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".razor", StringComparison.Ordinal))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(Root, p), File.ReadAllText(p)));
}
