using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpsConsole.Features.SystemStatus;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Jobs;

[Trait("Category", "Integration")]
public class MachineSignaturePurgeTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    static readonly DateTimeOffset Now = new(2026, 11, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Purge_deletes_only_signatures_older_than_ten_minutes()
    {
        await SeedAsync("purge-", ("old", -11 * 60), ("just-old", -10 * 60 - 1), ("edge", -10 * 60), ("recent", -9 * 60), ("now", 0));
        var purge = new MachineSignaturePurge(new FixtureContexts(fixture), new FakeTimeProvider(Now));

        Assert.Equal(2, await purge.PurgeAsync());

        Assert.Equal(["purge-edge", "purge-now", "purge-recent"], await SignaturesAsync("purge-"));
    }

    [Fact]
    public async Task The_purge_job_runs_on_its_schedule_and_records_its_run()
    {
        await SeedAsync("job-", ("old", -60 * 60), ("recent", -60));

        await using var node = await JobNode.StartAsync(fixture.ConnectionString, (s, config) => s.AddMachineSignaturePurge(config),
            new FakeTimeProvider(Now), new Dictionary<string, string?> { [MachineSignaturePurgeRegistration.IntervalSetting] = "00:00:01" });

        await Poll.UntilAsync(() => SignaturesAsync("job-"), s => s.Count == 1);
        Assert.Equal(["job-recent"], await SignaturesAsync("job-"));
        var run = await Poll.UntilAsync(async () =>
        {
            await using var db = fixture.CreateContext();
            return await db.JobRuns.AsNoTracking().SingleOrDefaultAsync(r => r.JobKey == "MachineSignaturePurge");
        }, r => r is { LastOutcome: JobRunOutcome.Succeeded });
        Assert.Equal("every 00:00:01", Assert.Single(await node.Services.CreateScope().ServiceProvider.GetRequiredService<JobControl>().ListAsync(),
            j => j.Key == run!.JobKey).Schedule);
    }

    [Theory]
    [InlineData("-00:05:00")]
    [InlineData("00:00:00")]
    [InlineData("five minutes")]
    public void A_bad_purge_interval_stops_start_up_naming_the_setting(string value)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [MachineSignaturePurgeRegistration.IntervalSetting] = value }).Build();

        using var services = new ServiceCollection().AddMachineSignaturePurge(config).BuildServiceProvider();

        // Read with the other settings when start-up validates them, before anything is scheduled.
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("MachineClients:SignaturePurgeInterval must be a positive time span", error.Message);
    }

    async Task SeedAsync(string prefix, params (string Name, int AgeSeconds)[] signatures)
    {
        await using var db = fixture.CreateContext();
        db.MachineRequestSignatures.AddRange(signatures.Select(s =>
            new MachineRequestSignature { Signature = prefix + s.Name, KeyId = "demo", SeenAt = Now.AddSeconds(s.AgeSeconds) }));
        await db.SaveChangesAsync();
    }

    async Task<List<string>> SignaturesAsync(string prefix)
    {
        await using var db = fixture.CreateContext();
        return await db.MachineRequestSignatures.Where(s => s.Signature.StartsWith(prefix)).OrderBy(s => s.Signature)
            .Select(s => s.Signature).ToListAsync();
    }
}
