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

    /// <summary>True when any line written so far contains <paramref name="text"/>.</summary>
    public bool Contains(string text)
    {
        lock (gate)
        {
            using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return reader.ReadToEnd().Contains(text, StringComparison.Ordinal);
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
