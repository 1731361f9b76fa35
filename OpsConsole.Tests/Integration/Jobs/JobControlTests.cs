using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.SystemStatus;
using OpsConsole.Platform.Jobs;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Jobs;

[Trait("Category", "Integration")]
public class JobControlTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 3, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Admin_pause_resume_and_trigger_take_effect_and_are_audited()
    {
        await using var node = await StartAsync("nightly");
        var jobs = Control(node);

        Assert.Equal(JobActionResult.Done, await jobs.PauseAsync(TestPrincipals.Admin, "nightly"));
        var paused = Single(await jobs.ListAsync(), "nightly");
        Assert.True(paused.Paused);
        Assert.Equal("admin@demo.local", paused.PausedBy);
        Assert.Null(paused.NextFireAt);

        Assert.Equal(JobActionResult.Done, await jobs.ResumeAsync(TestPrincipals.Admin, "nightly"));
        var resumed = Single(await jobs.ListAsync(), "nightly");
        Assert.False(resumed.Paused);
        Assert.NotNull(resumed.NextFireAt);

        Assert.Equal(JobActionResult.Done, await jobs.TriggerAsync(TestPrincipals.Admin, "nightly"));
        var ran = await Poll.UntilAsync(async () => Single(await jobs.ListAsync(), "nightly").LastRun,
            r => r is { LastOutcome: JobRunOutcome.Succeeded });
        Assert.Equal(1, ran!.RunCount);

        await using var db = fixture.CreateContext();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.SubjectType == "job" && e.SubjectId == "nightly")
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor }).ToListAsync();
        Assert.Equal(["job.paused", "job.resumed", "job.triggered"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal("admin@demo.local", e.Actor));
    }

    [Fact]
    public async Task A_viewer_sees_the_jobs_but_is_refused_pause_resume_and_trigger()
    {
        await using var node = await StartAsync("hourly");
        var jobs = Control(node);

        var listed = Single(await jobs.ListAsync(), "hourly");
        Assert.Equal("every 01:00:00", listed.Schedule);
        Assert.Equal(JobActionResult.Refused, await jobs.PauseAsync(TestPrincipals.Viewer, "hourly"));
        Assert.Equal(JobActionResult.Refused, await jobs.TriggerAsync(TestPrincipals.Viewer, "hourly"));
        Assert.Equal(JobActionResult.Done, await jobs.PauseAsync(TestPrincipals.Admin, "hourly"));
        Assert.Equal(JobActionResult.Refused, await jobs.ResumeAsync(TestPrincipals.Viewer, "hourly"));

        Assert.True(Single(await jobs.ListAsync(), "hourly").Paused);
        await using var db = fixture.CreateContext();
        var actors = await db.AuditEvents.AsNoTracking().Where(e => e.SubjectId == "hourly").Select(e => e.Actor).ToListAsync();
        Assert.Equal(["admin@demo.local"], actors);
    }

    [Fact]
    public async Task An_unknown_job_is_reported_and_not_audited()
    {
        await using var node = await StartAsync("daily");

        Assert.Equal(JobActionResult.NotFound, await Control(node).TriggerAsync(TestPrincipals.Admin, "no-such-job"));
        await using var db = fixture.CreateContext();
        Assert.False(await db.AuditEvents.AnyAsync(e => e.SubjectId == "no-such-job"));
    }

    [Fact]
    public async Task A_paused_job_stays_paused_when_the_app_restarts()
    {
        await using (var first = await StartAsync("weekly"))
            Assert.Equal(JobActionResult.Done, await Control(first).PauseAsync(TestPrincipals.Admin, "weekly"));

        await using var second = await StartAsync("weekly");
        Assert.True(Single(await Control(second).ListAsync(), "weekly").Paused);
    }

    Task<JobNode> StartAsync(string job) => JobNode.StartAsync(fixture.ConnectionString,
        (s, _) => s.AddJob<ProbeJob>(job, job == "hourly" ? TimeSpan.FromHours(1) : ProbeJob.Never), clock);

    static JobControl Control(JobNode node) => node.Services.CreateScope().ServiceProvider.GetRequiredService<JobControl>();

    static JobView Single(IReadOnlyList<JobView> jobs, string key) => Assert.Single(jobs, j => j.Key == key);
}
