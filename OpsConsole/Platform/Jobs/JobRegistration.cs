using System.ComponentModel;
using System.Reflection;
using Quartz;

namespace OpsConsole.Platform.Jobs;

/// <summary>The one way a feature schedules a job: <c>services.AddJob&lt;SlaDueJob&gt;(schedule)</c>.</summary>
public static class JobRegistration
{
    /// <summary>Schedules a job under its type name without the "Job" suffix (MachineSignaturePurgeJob → MachineSignaturePurge).</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, JobSchedule schedule) where TJob : class, IJob =>
        services.AddJob<TJob>(KeyOf<TJob>(), schedule);

    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, string key, JobSchedule schedule) where TJob : class, IJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var description = typeof(TJob).GetCustomAttribute<DescriptionAttribute>()?.Description;
        // Applies to the scheduler whether AddJobs runs before or after the feature that owns this job.
        services.ConfigureAllQuartzSchedulers(q => q.ScheduleJob<TJob>(
            trigger => schedule.Apply(trigger.WithIdentity(key).WithDescription(schedule.ToString())),
            job => job.WithIdentity(key).WithDescription(description ?? key)));
        return services;
    }

    static string KeyOf<TJob>()
    {
        var name = typeof(TJob).Name;
        return name.EndsWith("Job", StringComparison.Ordinal) && name.Length > 3 ? name[..^3] : name;
    }
}
