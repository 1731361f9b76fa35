namespace OpsConsole.Features.SystemStatus;

/// <summary>The scheduler's jobs with their last runs, for pages that show their health without acting on them.</summary>
public interface IJobList
{
    Task<IReadOnlyList<JobView>> ListAsync(CancellationToken ct = default);
}
