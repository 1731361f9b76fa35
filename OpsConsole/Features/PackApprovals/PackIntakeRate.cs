namespace OpsConsole.Features.PackApprovals;

/// <summary>How many events this instance accepted in the last whole second: the sign <see cref="PackEventProcessing"/>
/// reads to leave the machine to the accepting during a burst.</summary>
public sealed class PackIntakeRate(TimeProvider time)
{
    readonly Lock gate = new();
    long second;
    int current;
    int previous;

    /// <summary>Counts one accepted event.</summary>
    public void Note()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        lock (gate)
        {
            Roll(now);
            current++;
        }
    }

    /// <summary>The events accepted in the whole second before this one.</summary>
    public int LastSecond
    {
        get
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            lock (gate)
            {
                Roll(now);
                return previous;
            }
        }
    }

    void Roll(long now)
    {
        if (now == second)
            return;
        previous = now == second + 1 ? current : 0;
        (current, second) = (0, now);
    }
}
