using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsConsole.Domain.Retries;
using OpsConsole.Features.Notifications;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Tests.Platform.Outbox;

[Trait("Category", "Domain")]
public class NotificationOptionsTests
{
    static void Validate(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection().AddLogging().AddNotifications(config).BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<OutboxOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<SmtpOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<HookOptions>>().Value;
    }

    [Theory]
    [InlineData("Notifications:MaxAttempts", "0", "Notifications:MaxAttempts must be")]
    [InlineData("Notifications:RetryBaseDelay", "00:00:00", "Notifications:RetryBaseDelay must be")]
    [InlineData("Notifications:Slack:WebhookUrl", "hooks.slack.example/abc", "Notifications:Slack:WebhookUrl must be")]
    [InlineData("Notifications:Webhook:Url", "ftp://receiver.example/", "Notifications:Webhook:Url must be")]
    public void A_bad_setting_is_refused_naming_it(string setting, string value, string message)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new() { [setting] = value }));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Smtp_host_without_from_is_refused_and_the_password_is_not_in_the_message()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["Notifications:Smtp:Host"] = "smtp.example",
            ["Notifications:Smtp:User"] = "ops",
            ["Notifications:Smtp:Password"] = "hunter2-secret",
        }));

        Assert.Contains("Notifications:Smtp:From must be an email address when Notifications:Smtp:Host is set", error.Message);
        Assert.DoesNotContain("hunter2-secret", error.Message);
    }

    [Fact]
    public void Defaults_follow_the_contract()
    {
        var options = new OutboxOptions();

        Assert.Equal(8, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RetryBaseDelay);
        Assert.Equal(
            [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)],
            Enumerable.Range(1, 4).Select(n => RetryDelay.Exponential(options.RetryBaseDelay, n)));
    }

    [Theory]
    [InlineData("https://ops.example/approvals/42?tab=history", "/approvals/42?tab=history")]
    [InlineData("/approvals/42", "/approvals/42")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("", "/")]
    public void Opening_a_notification_only_follows_paths_inside_the_console(string link, string expected) =>
        Assert.Equal(expected, NotificationOpenEndpoint.LocalPath(link));
}
