using OpsConsole.Platform.Data;
using OpsConsole.Platform.Startup;
using Quartz;

namespace OpsConsole.Platform.Jobs;

/// <summary>
/// Quartz hosted in the app on PostgreSQL, clustered: every instance sharing the database runs each firing once.
/// Features schedule their jobs from their options with <see cref="JobRegistration.AddJob{TJob, TOptions}"/>.
/// </summary>
public static class JobsFeature
{
    public const string SchedulerName = "OpsConsole";
    public const string TablePrefix = "qrtz_";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration config)
    {
        // Read now: at start-up the embedded launcher has already put its connection string into configuration.
        var connectionString = config.GetConnectionString(DatabaseSetup.ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"ConnectionStrings:{DatabaseSetup.ConnectionName} must be set before jobs are added.");

        services.AddCheckedSettings<JobsSettings>(config);
        services.AddSingleton<JobRunLog>();
        // A named scheduler keeps its parts keyed, so its wall clock does not replace the app's TimeProvider.
        services.AddQuartz(SchedulerName, q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.GenerateInstanceId = true;
                // A stop waits for running jobs, so it first asks them to stop: a job waiting on the app's clock (a retry
                // delay, a ledger close) unwinds at once instead of holding the stop until that clock moves.
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            // Firings follow the wall clock even where services are handed a test clock.
            q.UseTimeProvider(TimeProvider.System);
            q.UseDefaultTimeZone(TimeZoneInfo.Utc);
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.ConfigureStore(o => o.TablePrefix = TablePrefix);
                store.UseClustering();
                store.UseSystemTextJsonSerializer();
            });
            q.AddJobListener<JobRunListener>([GroupMatcher<JobKey>.AnyGroup()]);
        });
        // A restart re-declares each trigger; it continues from the last firing instead of firing afresh.
        services.Configure<QuartzOptions>(SchedulerName, o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        // An instance with Jobs:Enabled false never starts its scheduler, so it never joins the cluster's firings; the
        // scheduler still answers what is scheduled, for the System page.
        var settings = new JobsSettings();
        settings.Read(config);
        if (settings.Enabled)
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
