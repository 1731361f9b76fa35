using Microsoft.AspNetCore.Components.Server.Circuits;

namespace OpsConsole.Features.Wall;

/// <summary>
/// Tells the wall page of its circuit when the browser comes back after a dropped connection, so it reads the state
/// afresh from the database instead of trusting what it heard before the drop.
/// </summary>
public sealed class WallCircuit : CircuitHandler
{
    int connections;

    /// <summary>Called (without waiting) each time the same circuit is connected again.</summary>
    public Func<Task>? Reconnected { get; set; }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        // The first connection is the circuit's start, not a comeback.
        if (Interlocked.Increment(ref connections) > 1 && Reconnected is { } reconnected)
            _ = reconnected();
        return Task.CompletedTask;
    }
}
