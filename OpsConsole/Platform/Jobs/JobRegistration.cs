using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Options;
using Quartz;

namespace OpsConsole.Platform.Jobs;

/// <summary>The one way a feature schedules a job: <c>services.AddJob&lt;SlaDueJob, SlaOptions&gt;(o =&gt; o.DueJobInterval)</c>.</summary>
public static class JobRegistration
{
    /// <summary>
    /// Schedules a job from its feature's options, taken when the scheduler starts: the options that read and validated the
    /// setting at start-up are the schedule's only source. Keyed by the type name without "Job" (SlaDueJob → SlaDue).
    /// </summary>
    public static IServiceCollection AddJob<TJob, TOptions>(this IServiceCollection services, Func<TOptions, JobSchedule> schedule)
        where TJob : class, IJob where TOptions : class =>
        services.AddJob<TJob>(KeyOf<TJob>(), sp => schedule(sp.GetRequiredService<IOptions<TOptions>>().Value));

    /// <summary>Schedules a job on a fixed schedule, under its type name without the "Job" suffix.</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, JobSchedule schedule) where TJob : class, IJob =>
        services.AddJob<TJob>(KeyOf<TJob>(), _ => schedule);

    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, string key, JobSchedule schedule) where TJob : class, IJob =>
        services.AddJob<TJob>(key, _ => schedule);

    static IServiceCollection AddJob<TJob>(this IServiceCollection services, string key, Func<IServiceProvider, JobSchedule> schedule)
        where TJob : class, IJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var description = typeof(TJob).GetCustomAttribute<DescriptionAttribute>()?.Description;
        // Applies to the scheduler whether AddJobs runs before or after the feature that owns this job.
        services.ConfigureAllQuartzSchedulers(q => q.ScheduleJob<TJob>(
            (sp, trigger) =>
            {
                var when = schedule(sp);
                when.Apply(trigger.WithIdentity(key).WithDescription(when.ToString()));
            },
            (_, job) => job.WithIdentity(key).WithDescription(description ?? key)));
        return services;
    }

    /// <summary>A job's key: its type name without the "Job" suffix (SlaDueJob → SlaDue).</summary>
    public static string KeyOf<TJob>()
    {
        var name = typeof(TJob).Name;
        return name.EndsWith("Job", StringComparison.Ordinal) && name.Length > 3 ? name[..^3] : name;
    }
}
