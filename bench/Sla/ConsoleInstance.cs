using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

/// <summary>
/// Starts the built console (OpsConsole/bin/Release) as its own process on the bench database, demo off, every
/// notification channel on (pointing at closed local ports, so each delivery fails at once and is retried).
/// </summary>
static class ConsoleInstance
{
    /// <summary>Starts an instance and returns once its live relay (which also hears wake-ups) listens on the database.</summary>
    public static async Task<RunningConsole> StartAsync(string cs, string workDir)
    {
        var listening = await ListeningAsync(cs);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDir,
        };
        start.ArgumentList.Add(Path.Combine(Root(), "OpsConsole", "bin", "Release", "net10.0", "OpsConsole.dll"));
        foreach (var setting in BenchApp.Settings(cs).AsEnumerable().Where(s => s.Value is not null))
            start.Environment[setting.Key.Replace(":", "__", StringComparison.Ordinal)] = setting.Value;
        start.Environment["Notifications__DispatchInterval"] = "00:00:05";
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Demo__Enabled"] = "false";
        start.Environment["DataProtection__CertificatePath"] = Path.Combine(workDir, "dataprotection.pfx");
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var instance = new RunningConsole(Process.Start(start)!);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (await ListeningAsync(cs) <= listening)
        {
            if (DateTime.UtcNow > deadline)
                throw new InvalidOperationException($"A console instance did not start listening:{Environment.NewLine}{instance.Printed}");
            await Task.Delay(200);
        }
        return instance;
    }

    static async Task<long> ListeningAsync(string cs)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"SELECT count(*) FROM pg_stat_activity WHERE application_name = '{LiveRelay.ApplicationName}' AND datname = current_database()", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OpsConsole.sln")))
                return dir.FullName;
        throw new InvalidOperationException("No OpsConsole.sln above the bench.");
    }
}
