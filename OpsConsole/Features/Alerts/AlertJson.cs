using System.Text.Json;
using OpsConsole.Domain.Alerts;

namespace OpsConsole.Features.Alerts;

/// <summary>How an alert's "why" is stored (jsonb) and sent: camelCase, moments in ISO 8601, spans as d.hh:mm:ss.</summary>
public static class AlertJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(AlertWhy why) => JsonSerializer.Serialize(why, Options);

    public static AlertWhy Read(string json) => JsonSerializer.Deserialize<AlertWhy>(json, Options)
        ?? throw new JsonException("An alert's why is stored as null.");
}
