using OpsConsole.Features.DeadLetters;

namespace OpsConsole.Tests.Components;

/// <summary>The navigation's dead-letter count and the per-source counts, set by the test.</summary>
public sealed class FakeUnresolvedDeadLetters : IUnresolvedDeadLetters
{
    public int Count { get; set; }

    public IReadOnlyList<DeadLetterSourceCount> BySource { get; set; } = [];

    public Task<int> UnresolvedCountAsync(CancellationToken ct = default) => Task.FromResult(Count);

    public Task<IReadOnlyList<DeadLetterSourceCount>> UnresolvedBySourceAsync(CancellationToken ct = default) => Task.FromResult(BySource);
}
