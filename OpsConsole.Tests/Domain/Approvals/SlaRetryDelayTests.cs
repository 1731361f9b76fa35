using OpsConsole.Domain.Approvals;

namespace OpsConsole.Tests.Domain.Approvals;

[Trait("Category", "Domain")]
public class SlaRetryDelayTests
{
    static readonly TimeSpan DueJob = TimeSpan.FromSeconds(15);
    static readonly TimeSpan Sweep = TimeSpan.FromMinutes(30);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    public void Deferral_starts_at_two_due_job_intervals_and_doubles_with_each_failure_in_a_row(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SlaRetryDelay.After(failures, DueJob, Sweep));

    [Theory]
    [InlineData(7)]
    [InlineData(40)]
    [InlineData(int.MaxValue)]
    public void Deferral_never_outlasts_the_sweep_interval(int failures) =>
        Assert.Equal(Sweep, SlaRetryDelay.After(failures, DueJob, Sweep));

    [Fact]
    public void A_deferral_needs_at_least_one_failure() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SlaRetryDelay.After(0, DueJob, Sweep));
}
