using OpsConsole.Platform.Jobs;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>When accepted signatures older than the replay window are deleted: MachineClients:SignaturePurgeInterval.</summary>
public sealed class MachineSignaturePurgeOptions
{
    public JobSchedule Schedule { get; set; } = JobSchedule.Every(TimeSpan.FromMinutes(5));
}
