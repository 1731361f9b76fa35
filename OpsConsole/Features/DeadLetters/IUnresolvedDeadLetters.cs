namespace OpsConsole.Features.DeadLetters;

/// <summary>How many dead letters wait for someone: the number the navigation shows beside its link, and per source
/// for displays (the wall, the overview).</summary>
public interface IUnresolvedDeadLetters
{
    Task<int> UnresolvedCountAsync(CancellationToken ct = default);

    /// <summary>The unresolved dead letters of each source that has any, most first.</summary>
    Task<IReadOnlyList<DeadLetterSourceCount>> UnresolvedBySourceAsync(CancellationToken ct = default);
}
