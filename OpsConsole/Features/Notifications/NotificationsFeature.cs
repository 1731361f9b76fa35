using OpsConsole.Platform.Live;
using OpsConsole.Platform.Outbox;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Notifications;

/// <summary>Notification channels (in-app, email, Slack, webhook) on the outbox, the bell's inbox, the retry of failed
/// deliveries and each person's quiet hours.</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddOutbox(config);
        services.AddOptions<SmtpOptions>()
            .Bind(config.GetSection(SmtpOptions.Section))
            .Validate(o => !o.IsEnabled || o.Port is >= 1 and <= 65535, $"{SmtpOptions.Section}:Port must be a port number from 1 to 65535")
            .Validate(o => !o.IsEnabled || IsMailbox(o.From), $"{SmtpOptions.Section}:From must be an email address when {SmtpOptions.Section}:Host is set")
            .ValidateOnStart();
        services.AddOptions<HookOptions>()
            .Bind(config.GetSection(HookOptions.Section))
            .Validate(o => IsOffOrHttp(o.Slack.WebhookUrl), "Notifications:Slack:WebhookUrl must be an absolute http or https URL, or empty")
            .Validate(o => IsOffOrHttp(o.Webhook.Url), "Notifications:Webhook:Url must be an absolute http or https URL, or empty")
            .Validate(o => o.HttpTimeout > TimeSpan.Zero, "Notifications:HttpTimeout must be a positive time span")
            .ValidateOnStart();
        // No request logging: the Slack webhook URL is itself a credential and must not reach the logs.
        services.AddHttpClient(HookPost.ClientName)
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<HookOptions>>().Value.HttpTimeout)
            .RemoveAllLoggers();
        services.AddSingleton<INotificationChannel, InAppChannel>();
        services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddSingleton<INotificationChannel, SlackChannel>();
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddDeadLetterHandler<EmailRedelivery>();
        services.AddDeadLetterHandler<SlackRedelivery>();
        services.AddDeadLetterHandler<WebhookRedelivery>();
        services.AddSingleton<INotificationInbox, NotificationInbox>();
        services.AddSingleton<IRecipientQuietHours, StoredQuietHours>();
        services.AddSingleton<AccountPreferences>();
        services.AddSingleton<IChannelHealth, ChannelHealth>();
        // Each person's bell pings: the subject id is the recipient's user id, and nobody else may follow them.
        services.AddLiveTopic(LiveTopics.Notifications, LiveAudience.SubjectUser);
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        app.MapNotificationOpen();
        return app;
    }

    static bool IsOffOrHttp(string? url) => string.IsNullOrWhiteSpace(url)
        || Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    static bool IsMailbox(string? address) => MimeKit.MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@');
}
