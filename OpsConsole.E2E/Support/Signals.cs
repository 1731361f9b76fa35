using System.Runtime.InteropServices;

namespace OpsConsole.E2E.Support;

/// <summary>POSIX signals; Process.Kill only sends SIGKILL, which would skip the app's orderly shutdown.</summary>
static class Signals
{
    public const int Terminate = 15;
    public const int Quit = 3;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    static extern int SysKill(int pid, int signal);

    /// <summary>Sends the signal; false when no such process exists (any more).</summary>
    public static bool Send(int pid, int signal) => SysKill(pid, signal) == 0;

    public static bool IsAlive(int pid) => SysKill(pid, 0) == 0;
}
