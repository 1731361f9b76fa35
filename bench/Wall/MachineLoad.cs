using System.Diagnostics;

/// <summary>The machine's state beside a figure: the load average, and the CPU a process used.</summary>
static class MachineLoad
{
    public static string Average() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static TimeSpan Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }
}
