using System.Globalization;

/// <summary>CPU time spent by this process and by the bench's PostgreSQL (its server and every backend, the ones that
/// ended included), read from /proc: on a shared machine, work done says more than the wall clock.</summary>
static class CpuTimes
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    public static (double Client, double Server) Now(string dataDir) =>
        (Seconds(Environment.ProcessId, children: false), Server(dataDir));

    static double Server(string dataDir)
    {
        var postmaster = Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d))
            .Where(p => p.All(char.IsDigit)).Select(int.Parse)
            .FirstOrDefault(pid => Read($"/proc/{pid}/cmdline").Replace('\0', ' ').Contains(dataDir, StringComparison.Ordinal)
                && Read($"/proc/{pid}/cmdline").Contains("postgres", StringComparison.Ordinal));
        if (postmaster == 0)
            return double.NaN;
        var backends = Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d))
            .Where(p => p.All(char.IsDigit)).Select(int.Parse).Where(pid => Fields(pid) is { Length: > 3 } f && f[3] == postmaster.ToString(CultureInfo.InvariantCulture));
        return Seconds(postmaster, children: true) + backends.Sum(pid => Seconds(pid, children: false));
    }

    static double Seconds(int pid, bool children)
    {
        // Fields after the command name: state is [2]; utime [13], stime [14], cutime [15], cstime [16] (1-based 14..17).
        if (Fields(pid) is not { Length: > 16 } f)
            return 0;
        var ticks = long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture);
        if (children)
            ticks += long.Parse(f[15], CultureInfo.InvariantCulture) + long.Parse(f[16], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }

    static string[]? Fields(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        var end = stat.LastIndexOf(')');
        return end < 0 ? null : ["pid", "comm", .. stat[(end + 2)..].Split(' ')];
    }

    static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
