using System.Globalization;
using Npgsql;
using OpsConsole.Platform.Data;

// Sign-in answers timed from outside, as a curl-wielding reviewer would: the console runs as its own process with demo
// data on an embedded PostgreSQL 15 (127.0.0.1, temporary folder), and each refused sign-in post is timed end to end.
// Kinds: an e-mail no account has, a real account with a wrong password, a disabled account with its right password.
// Usage: dotnet run -c Release --project bench/SignIn [tries per kind, default 20] [console dll, default this build's]
var tries = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;
var root = FindRoot();
var assembly = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(root, "OpsConsole", "bin", configuration, "net10.0", "OpsConsole.dll");
const int Warmups = 3;

var folder = Path.Combine(Path.GetTempPath(), $"opsconsole-bench-signin-{Guid.NewGuid():N}");
await using var pg = await EmbeddedPostgres.StartAsync(Path.Combine(folder, "pg"));
try
{
    await pg.EnsureDatabaseAsync("signin");
    var cs = pg.ConnectionStringFor("signin");
    await using var console = await ConsoleUnderTest.StartAsync(assembly, cs, folder);
    await DisableAsync(cs, "viewer@demo.local");
    Console.WriteLine($"Sign-in timing bench; {Environment.ProcessorCount} cores; console {assembly}; {tries} tries per kind after {Warmups} warm-ups");

    (string Kind, string Email, string Password)[] kinds =
    [
        ("unknown e-mail", "nobody-here@demo.local", "Demo-pass-1"),
        ("known e-mail, wrong password", "manager@demo.local", "Not-the-password-1"),
        ("disabled account, right password", "viewer@demo.local", "Demo-pass-1"),
    ];
    var times = kinds.ToDictionary(k => k.Kind, _ => new List<double>());
    for (var round = 0; round < Warmups + tries; round++)
        // Each round in another order, so a slow moment of the machine falls on every kind alike.
        foreach (var (kind, email, password) in kinds.Skip(round % kinds.Length).Concat(kinds.Take(round % kinds.Length)))
        {
            var ms = await SignInAttempt.TimeAsync(console.BaseUrl, email, password);
            if (round >= Warmups)
                times[kind].Add(ms);
        }

    Console.WriteLine();
    Console.WriteLine("| kind | median ms | p90 ms | min ms | max ms |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var (kind, list) in times)
        Console.WriteLine($"| {kind} | {Percentile(list, 0.5):F1} | {Percentile(list, 0.9):F1} | {list.Min():F1} | {list.Max():F1} |");
    var unknown = Percentile(times[kinds[0].Kind], 0.5);
    var known = Percentile(times[kinds[1].Kind], 0.5);
    Console.WriteLine();
    Console.WriteLine($"Medians, unknown minus known e-mail: {unknown - known:+0.0;-0.0} ms (target: within 20 ms)");
    // The two tries of one round ran moments apart, so the machine's changing load cancels out of their difference.
    var roundDifferences = times[kinds[0].Kind].Zip(times[kinds[1].Kind], (u, k) => u - k).ToList();
    Console.WriteLine($"Median of the rounds' differences (unknown minus known): {Percentile(roundDifferences, 0.5):+0.0;-0.0} ms");
}
finally
{
    await pg.StopAsync();
    try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    var rank = p * (sorted.Count - 1);
    var low = (int)Math.Floor(rank);
    var high = (int)Math.Ceiling(rank);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

// Set up as a fixture, as the other benches seed: an Admin would do this on /users.
static async Task DisableAsync(string cs, string email)
{
    await using var conn = new NpgsqlConnection(cs);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(
        "UPDATE \"AspNetUsers\" SET is_disabled = true, lockout_end = 'infinity' WHERE normalized_email = upper(@email)", conn);
    cmd.Parameters.AddWithValue("email", email);
    if (await cmd.ExecuteNonQueryAsync() != 1)
        throw new InvalidOperationException($"No demo user {email} to disable.");
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "OpsConsole.sln")))
            return dir.FullName;
    throw new InvalidOperationException($"No OpsConsole.sln above {AppContext.BaseDirectory}.");
}
