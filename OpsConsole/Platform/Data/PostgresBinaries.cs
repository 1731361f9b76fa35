namespace OpsConsole.Platform.Data;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl) the embedded cluster is started from.</summary>
public sealed record PostgresBinaries(string BinDirectory)
{
    public string InitDb => Path.Combine(BinDirectory, "initdb");
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    public const string MissingMessage =
        "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/<version>/bin: " +
        "install them with `apt-get install postgresql`, or set ConnectionStrings:OpsDb to use an existing server.";

    public static PostgresBinaries? Locate(string? pathVariable = null, string packageRoot = "/usr/lib/postgresql")
    {
        foreach (var dir in (pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var initdb = Path.Combine(dir, "initdb");
            var pgctl = Path.Combine(dir, "pg_ctl");
            if (File.Exists(initdb) && File.Exists(pgctl))
            {
                // Debian links /usr/local/bin/initdb into the versioned folder; pg_ctl needs the folder that also holds postgres.
                var real = new FileInfo(pgctl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgctl;
                return new PostgresBinaries(Path.GetDirectoryName(real)!);
            }
        }

        if (!Directory.Exists(packageRoot))
            return null;
        var newest = Directory.GetDirectories(packageRoot)
            .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
            .Where(d => d.Version > 0 && File.Exists(Path.Combine(d.Dir, "bin", "initdb")) && File.Exists(Path.Combine(d.Dir, "bin", "pg_ctl")))
            .OrderByDescending(d => d.Version)
            .FirstOrDefault();
        return newest.Dir is null ? null : new PostgresBinaries(Path.Combine(newest.Dir, "bin"));
    }
}
