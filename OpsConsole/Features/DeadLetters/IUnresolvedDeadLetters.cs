namespace OpsConsole.Features.DeadLetters;

/// <summary>How many dead letters wait for someone: the number the navigation shows beside its link.</summary>
public interface IUnresolvedDeadLetters
{
    Task<int> UnresolvedCountAsync(CancellationToken ct = default);
}
