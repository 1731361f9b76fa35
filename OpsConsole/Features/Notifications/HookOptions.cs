namespace OpsConsole.Features.Notifications;

/// <summary>
/// The HTTP targets under <c>Notifications</c>: <c>Slack:WebhookUrl</c> and <c>Webhook:Url</c>; an empty one turns its
/// channel off. The Slack URL is a secret (it carries its own credential) and is never logged.
/// </summary>
public sealed class HookOptions
{
    public const string Section = "Notifications";

    public SlackHook Slack { get; set; } = new();
    public WebhookHook Webhook { get; set; } = new();

    /// <summary>How long one HTTP delivery may take before it counts as failed.</summary>
    public TimeSpan HttpTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public sealed class SlackHook
    {
        public string? WebhookUrl { get; set; }
    }

    public sealed class WebhookHook
    {
        public string? Url { get; set; }
    }
}
