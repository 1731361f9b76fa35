using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.Notifications;

/// <summary>Email over SMTP with MailKit: plain text with the link, and the HTML form when there is one.</summary>
sealed class EmailChannel(IOptions<SmtpOptions> options, IOptions<HookOptions> hooks) : INotificationChannel
{
    public OutboxChannel Channel => OutboxChannel.Email;

    public bool IsEnabled => options.Value.IsEnabled;

    public async Task SendAsync(Guid id, OutboxMessage message, CancellationToken ct)
    {
        var smtp = options.Value;
        var mail = new MimeMessage
        {
            // The stable id lets a mail client recognise a repeat delivery as the same message.
            MessageId = $"{id:N}@opsconsole",
            Subject = message.Title,
            Body = new BodyBuilder { TextBody = PlainText.WithLink(message), HtmlBody = message.Html }.ToMessageBody(),
        };
        mail.From.Add(MailboxAddress.Parse(smtp.From!));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        using var client = new SmtpClient { Timeout = (int)hooks.Value.HttpTimeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host!, smtp.Port, SecureSocketOptions.Auto, ct);
        if (!string.IsNullOrWhiteSpace(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
