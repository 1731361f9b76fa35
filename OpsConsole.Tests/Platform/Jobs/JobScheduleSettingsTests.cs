using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsConsole.Features.Approvals;
using OpsConsole.Features.DeadLetters;
using OpsConsole.Platform;
using OpsConsole.Platform.Jobs;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Tests.Platform.Jobs;

/// <summary>Each job's schedule is read once, by the options that own its setting, and the job is scheduled from them.</summary>
[Trait("Category", "Domain")]
public class JobScheduleSettingsTests
{
    static ServiceProvider Services(params (string Key, string? Value)[] settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();
        return new ServiceCollection().AddLogging()
            .AddOutbox(config).AddDeadLetters(config).AddApprovals(config).AddMachineSignaturePurge(config)
            .BuildServiceProvider();
    }

    [Theory]
    [InlineData("Sla:DueJobInterval", "soon", "Sla:DueJobInterval must be a positive time span (e.g. 00:05:00)")]
    [InlineData("Sla:SweepInterval", "-00:30:00", "Sla:SweepInterval must be a positive time span (e.g. 00:05:00)")]
    [InlineData("Notifications:DispatchInterval", "00:00:00", "Notifications:DispatchInterval must be a positive time span (e.g. 00:05:00)")]
    [InlineData("DeadLetters:RetryRecoveryInterval", "a minute", "DeadLetters:RetryRecoveryInterval must be a positive time span (e.g. 00:05:00)")]
    [InlineData("DeadLetters:PurgeSchedule", "every night", "DeadLetters:PurgeSchedule must be a Quartz cron expression (seconds first, e.g. 0 15 3 * * ?)")]
    [InlineData("MachineClients:SignaturePurgeInterval", "five minutes", "MachineClients:SignaturePurgeInterval must be a positive time span (e.g. 00:05:00)")]
    public void A_bad_schedule_setting_stops_start_up_with_one_line_naming_it(string setting, string value, string line)
    {
        using var services = Services((setting, value));

        var failure = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(line, StartupFailure.Describe(failure));
    }

    [Fact]
    public void The_options_hold_the_schedules_their_settings_give()
    {
        using var services = Services(
            ("Sla:DueJobInterval", "00:00:02"), ("Notifications:DispatchInterval", "00:00:01"),
            ("DeadLetters:PurgeSchedule", "0 0 4 * * ?"), ("MachineClients:SignaturePurgeInterval", "00:10:00"));

        Assert.Equal(TimeSpan.FromSeconds(2), services.GetRequiredService<IOptions<SlaOptions>>().Value.DueJobInterval);
        Assert.Equal(JobSchedule.Every(TimeSpan.FromSeconds(1)), services.GetRequiredService<IOptions<OutboxOptions>>().Value.DispatchSchedule);
        var deadLetters = services.GetRequiredService<IOptions<DeadLetterOptions>>().Value;
        Assert.Equal(JobSchedule.OnCron("0 0 4 * * ?"), deadLetters.RetentionSchedule);
        Assert.Equal(JobSchedule.Every(TimeSpan.FromMinutes(1)), deadLetters.RetryRecoverySchedule);
        Assert.Equal(JobSchedule.Every(TimeSpan.FromMinutes(10)), services.GetRequiredService<IOptions<MachineSignaturePurgeOptions>>().Value.Schedule);
    }

    [Fact]
    public void Absent_settings_keep_the_documented_defaults()
    {
        using var services = Services();

        var sla = services.GetRequiredService<IOptions<SlaOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(30)), (sla.DueJobInterval, sla.SweepInterval));
        Assert.Equal("every 00:00:05", services.GetRequiredService<IOptions<OutboxOptions>>().Value.DispatchSchedule.ToString());
        Assert.Equal("cron 0 15 3 * * ? (UTC)", services.GetRequiredService<IOptions<DeadLetterOptions>>().Value.RetentionSchedule.ToString());
    }
}
