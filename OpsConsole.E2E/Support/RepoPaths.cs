namespace OpsConsole.E2E.Support;

/// <summary>Where the solution, the app's build output and this run's artifacts are.</summary>
static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The app as built by the same configuration and framework as this test project (bin/&lt;Config&gt;/&lt;tfm&gt;/).</summary>
    public static string AppAssembly
    {
        get
        {
            var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = tfmDir.Parent?.Name ?? "Debug";
            return Path.Combine(Root, "OpsConsole", "bin", configuration, tfmDir.Name, "OpsConsole.dll");
        }
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpsConsole.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"No OpsConsole.sln above {AppContext.BaseDirectory}.");
    }
}
