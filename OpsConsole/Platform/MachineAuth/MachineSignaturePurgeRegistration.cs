using OpsConsole.Platform.Jobs;

namespace OpsConsole.Platform.MachineAuth;

public static class MachineSignaturePurgeRegistration
{
    public const string IntervalSetting = "MachineClients:SignaturePurgeInterval";

    public static IServiceCollection AddMachineSignaturePurge(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<MachineSignaturePurge>();
        services.AddJob<MachineSignaturePurgeJob>(JobSchedule.FromSetting(config, IntervalSetting, TimeSpan.FromMinutes(5)));
        return services;
    }
}
