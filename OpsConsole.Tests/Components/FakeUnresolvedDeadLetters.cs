using OpsConsole.Features.DeadLetters;

namespace OpsConsole.Tests.Components;

/// <summary>The navigation's dead-letter count, set by the test.</summary>
public sealed class FakeUnresolvedDeadLetters : IUnresolvedDeadLetters
{
    public int Count { get; set; }

    public Task<int> UnresolvedCountAsync(CancellationToken ct = default) => Task.FromResult(Count);
}
