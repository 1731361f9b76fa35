using System.Text.Json;
using System.Text.Json.Serialization;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>How payloads and policy snapshots are stored in jsonb; the Domain's "$kind" discriminator tells payloads apart.</summary>
public static class ApprovalJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // jsonb stores keys in its own order, so "$kind" may come back after the payload's fields.
        AllowOutOfOrderMetadataProperties = true,
    };

    public static string Write(ApprovalPayload payload) => JsonSerializer.Serialize(payload, Options);

    public static ApprovalPayload ReadPayload(string json) =>
        JsonSerializer.Deserialize<ApprovalPayload>(json, Options) ?? throw new JsonException("An approval payload cannot be null.");

    public static string Write(SlaPolicy policy) => JsonSerializer.Serialize(policy, Options);

    public static SlaPolicy ReadPolicy(string json) =>
        JsonSerializer.Deserialize<SlaPolicy>(json, Options) ?? throw new JsonException("An SLA policy cannot be null.");
}
