using Prometheus;

namespace OpsConsole.Platform.Jobs;

/// <summary>Job runs as Prometheus sees them; one series per job, so the label set stays as small as the job list.</summary>
static class JobRunMetrics
{
    internal static readonly Counter Runs = Metrics.CreateCounter(
        "opsconsole_job_runs_total", "Finished job runs by job and outcome.", new CounterConfiguration { LabelNames = ["job", "outcome"] });

    internal static readonly Histogram Duration = Metrics.CreateHistogram(
        "opsconsole_job_duration_seconds", "How long job runs take.",
        new HistogramConfiguration { LabelNames = ["job"], Buckets = Histogram.ExponentialBuckets(0.005, 4, 9) });

    public static void Record(string job, JobRunOutcome outcome, TimeSpan duration)
    {
        Runs.WithLabels(job, outcome.ToString()).Inc();
        Duration.WithLabels(job).Observe(duration.TotalSeconds);
    }
}
