using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Tests.Integration.DeadLetters;

/// <summary>What the test handler does on each retry, and how often it was asked.</summary>
public sealed class HandlerScript
{
    int calls;

    public int Calls => Volatile.Read(ref calls);
    public Func<DeadLetter, Task<RetryResult>> Behaviour { get; set; } = _ => Task.FromResult(RetryResult.Success());

    public Task<RetryResult> RunAsync(DeadLetter letter)
    {
        Interlocked.Increment(ref calls);
        return Behaviour(letter);
    }
}

/// <summary>Redoes test_aggregate / test.submit from any source by following the script.</summary>
public sealed class ScriptedHandler(HandlerScript script) : IDeadLetterHandler
{
    public string? Source => null;
    public string AggregateType => DeadLetterSeed.AggregateType;
    public string Operation => DeadLetterSeed.Operation;

    public Task<RetryResult> RetryAsync(DeadLetter letter, CancellationToken ct) => script.RunAsync(letter);
}
