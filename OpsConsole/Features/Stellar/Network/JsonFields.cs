using System.Globalization;
using System.Text.Json.Nodes;

namespace OpsConsole.Features.Stellar.Network;

/// <summary>Reads the fields of the networks' JSON answers, which write numbers now as numbers, now as strings.</summary>
static class JsonFields
{
    public static long Long(JsonNode? node, string field) =>
        OptionalLong(node, field) ?? throw new StellarNetworkException($"The answer has no '{field}'.");

    public static long? OptionalLong(JsonNode? node, string field) => node?[field] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new StellarNetworkException($"The answer's '{field}' is not a whole number."),
    };

    public static string? Text(JsonNode? node, string field) => node?[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Unix seconds, as RPC writes close times.</summary>
    public static DateTimeOffset? UnixTime(JsonNode? node, string field) =>
        OptionalLong(node, field) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>An ISO 8601 time, as Horizon writes them.</summary>
    public static DateTimeOffset? IsoTime(JsonNode? node, string field) =>
        Text(node, field) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
