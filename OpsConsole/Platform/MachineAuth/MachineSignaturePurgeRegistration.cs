using OpsConsole.Platform.Jobs;

namespace OpsConsole.Platform.MachineAuth;

public static class MachineSignaturePurgeRegistration
{
    public const string IntervalSetting = "MachineClients:SignaturePurgeInterval";

    public static IServiceCollection AddMachineSignaturePurge(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<MachineSignaturePurgeOptions>()
            .Configure(o => o.Schedule = JobSchedule.FromSetting(config, IntervalSetting, o.Schedule))
            .ValidateOnStart();
        services.AddSingleton<MachineSignaturePurge>();
        services.AddJob<MachineSignaturePurgeJob, MachineSignaturePurgeOptions>(o => o.Schedule);
        return services;
    }
}
