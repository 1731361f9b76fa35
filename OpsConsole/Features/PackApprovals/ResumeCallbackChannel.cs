using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Contracts.PackApprovals;
using OpsConsole.Platform.Data;
using OpsConsole.Platform.MachineAuth;
using OpsConsole.Platform.Outbox;

namespace OpsConsole.Features.PackApprovals;

/// <summary>
/// Delivers resume calls: the decision and the resume token, posted to the approval's callback URL and signed with the
/// key that sent the approval, as that key signs its own requests. Anything but a 2xx is a failed attempt for the outbox
/// to retry; the error names the status, never the body or the token.
/// </summary>
sealed class ResumeCallbackChannel(
    IDbContextFactory<OpsDbContext> contexts,
    ResumeTokens tokens,
    IOptions<MachineClientOptions> keys,
    IHttpClientFactory clients,
    TimeProvider time) : INotificationChannel
{
    public const string ClientName = "pack-resume";
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public OutboxChannel Channel => OutboxChannel.Callback;

    public bool IsEnabled => true;

    public async Task SendAsync(Guid id, OutboxMessage message, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var approvalId = Guid.Parse(message.SubjectId);
        var approval = await db.PackApprovals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == approvalId, ct)
            ?? throw new InvalidOperationException($"Pack approval {approvalId} is no longer kept; its decision cannot be handed back.");
        if (approval.Decision is null)
            throw new InvalidOperationException($"Pack approval {approval.ApprovalId} of run {approval.RunId} has no decision to hand back.");
        if (!keys.Value.Keys.TryGetValue(approval.KeyId, out var key))
            throw new InvalidOperationException(
                $"Machine key '{approval.KeyId}' that sent the approval is no longer configured ({MachineClientOptions.Section}:{approval.KeyId}), so the resume call cannot be signed.");

        var body = JsonSerializer.SerializeToUtf8Bytes(new PackResumeCall
        {
            Tenant = approval.Tenant,
            RunId = approval.RunId,
            ApprovalId = approval.ApprovalId,
            PlanHash = approval.PlanHash,
            Decision = approval.Decision,
            DecidedBy = approval.DecidedBy!,
            DecidedAt = approval.DecidedAt!.Value,
            Comment = approval.DecisionComment,
            DecisionHash = approval.DecisionHash!,
            ResumeToken = tokens.Unprotect(approval.ProtectedResumeToken),
        }, Web);
        var target = new Uri(approval.ResumeCallbackUrl);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(MachineSignature.KeyHeader, approval.KeyId);
        request.Headers.Add(MachineSignature.TimestampHeader, timestamp);
        request.Headers.Add(MachineSignature.SignatureHeader,
            MachineSignature.Compute(key.Secret, "POST", target.PathAndQuery, timestamp, MachineSignature.BodyHash(body)));
        request.Headers.Add("X-Ops-Event-Id", id.ToString());
        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException(
                $"The resume call to {target.GetLeftPart(UriPartial.Path)} was answered {(int)response.StatusCode} {response.ReasonPhrase}.",
                null, response.StatusCode);
    }
}
