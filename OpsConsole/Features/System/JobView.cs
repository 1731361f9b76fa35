using OpsConsole.Platform.Jobs;

namespace OpsConsole.Features.SystemStatus;

/// <summary>One job as the System page shows it: its schedule from Quartz joined with its last run.</summary>
public sealed record JobView(
    string Key,
    string Description,
    string Schedule,
    DateTimeOffset? NextFireAt,
    DateTimeOffset? PreviousFireAt,
    bool Paused,
    string? PausedBy,
    JobRunCurrent? LastRun);
