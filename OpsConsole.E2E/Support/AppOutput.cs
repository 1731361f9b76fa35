namespace OpsConsole.E2E.Support;

/// <summary>The app's stdout and stderr: all of it to a log file, the last lines kept for failure messages.</summary>
sealed class AppOutput(string logPath) : IDisposable
{
    const int TailLines = 80;
    readonly StreamWriter log = new(logPath, append: false) { AutoFlush = true };
    readonly Queue<string> tail = new();
    readonly Lock gate = new();
    bool closed;

    public string LogPath { get; } = logPath;

    public void Append(string? line)
    {
        if (line is null)
            return;
        lock (gate)
        {
            if (closed)
                return;
            log.WriteLine(line);
            tail.Enqueue(line);
            if (tail.Count > TailLines)
                tail.Dequeue();
        }
    }

    public string Tail()
    {
        lock (gate)
            return string.Join(Environment.NewLine, tail);
    }

    public void Dispose()
    {
        lock (gate)
        {
            closed = true;
            log.Dispose();
        }
    }
}
