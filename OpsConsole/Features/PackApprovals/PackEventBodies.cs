using System.Text.Json;
using OpsConsole.Contracts.PackApprovals;

namespace OpsConsole.Features.PackApprovals;

/// <summary>The stored form of an accepted event: as sent, less its resume token, which is kept apart and encrypted.</summary>
static class PackEventBodies
{
    // jsonb keeps keys in its own order, so the type discriminator need not come first.
    static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web) { AllowOutOfOrderMetadataProperties = true };

    public static string Write(PackEvent e) => JsonSerializer.Serialize(e switch
    {
        PackApprovalRequested requested => requested with { ResumeToken = "" },
        PackApprovalUpdated updated => updated with { ResumeToken = null },
        _ => e,
    }, Options);

    public static PackEvent Read(string body) =>
        JsonSerializer.Deserialize<PackEvent>(body, Options) ?? throw new JsonException("An accepted pack event's body is empty.");
}
