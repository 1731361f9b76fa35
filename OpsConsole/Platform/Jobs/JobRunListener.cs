using Quartz;

namespace OpsConsole.Platform.Jobs;

/// <summary>Records every run of every job in job_runs_current and in the job metrics, on whichever node ran it.</summary>
sealed class JobRunListener(JobRunLog log, ILogger<JobRunListener> logger) : IJobListener
{
    public string Name => "opsconsole-job-runs";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.Name;
        try
        {
            await log.StartedAsync(job, context.Scheduler.SchedulerInstanceId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Bookkeeping must not stop the job it describes.
            logger.LogWarning(ex, "Could not record the start of job {Job}", job);
        }
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.Name;
        var error = jobException is null ? null : MessageOf(jobException);
        JobRunMetrics.Record(job, error is null ? JobRunOutcome.Succeeded : JobRunOutcome.Failed, context.JobRunTime);
        try
        {
            // Not the firing's token: a run that ends while the node shuts down is still recorded.
            await log.FinishedAsync(job, context.Scheduler.SchedulerInstanceId, error, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not record the end of job {Job}", job);
        }
    }

    static string MessageOf(Exception exception)
    {
        // Quartz wraps what the job threw in exceptions of its own; the operator wants the job's words.
        var cause = exception;
        while (cause is SchedulerException { InnerException: { } inner })
            cause = inner;
        return cause.Message;
    }
}
