using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpsConsole.Domain.Audit;

/// <summary>The canonical form of an audit event and the SHA-256 chain that links each event to the one before.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the very first event.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string ComputeHash(string prevHash, AuditEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        buffer.Write(Encoding.UTF8.GetBytes(prevHash + "\n"));
        WriteCanonical(buffer, e);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>
    /// Fields in a fixed order, time in UTC to the microsecond (what PostgreSQL keeps), details with keys sorted,
    /// so the form reads back the same from jsonb, which reorders keys.
    /// </summary>
    public static string CanonicalForm(AuditEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        WriteCanonical(buffer, e);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Written straight to bytes with System.Text.Json's default escaping: the same text a JsonObject of these fields gave
    // with ToJsonString, which every hash already stored was made from.
    static void WriteCanonical(IBufferWriter<byte> buffer, AuditEvent e)
    {
        using var json = new Utf8JsonWriter(buffer);
        json.WriteStartObject();
        json.WriteNumber("id", e.Id);
        json.WriteString("occurredAt", Timestamp(e.OccurredAt));
        json.WriteString("actor", e.Actor);
        json.WriteString("action", e.Action);
        json.WriteString("subjectType", e.SubjectType);
        json.WriteString("subjectId", e.SubjectId);
        json.WritePropertyName("details");
        WriteSorted(json, e.Details);
        json.WriteEndObject();
    }

    /// <summary>An event's time as the chain hashes it: ISO 8601 in UTC to the microsecond, 2026-11-02T09:00:00.000000Z.</summary>
    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Truncates to the microsecond precision of timestamptz, so the hash computed before saving matches the row read back.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    static void WriteSorted(Utf8JsonWriter json, JsonNode? node)
    {
        switch (node)
        {
            case null:
                json.WriteNullValue();
                break;
            case JsonObject o:
                json.WriteStartObject();
                foreach (var (key, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.WritePropertyName(key);
                    WriteSorted(json, value);
                }
                json.WriteEndObject();
                break;
            case JsonArray a:
                json.WriteStartArray();
                foreach (var item in a)
                    WriteSorted(json, item);
                json.WriteEndArray();
                break;
            case JsonValue v when v.TryGetValue<JsonElement>(out var element):
                element.WriteTo(json);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                // A time, say, as its text reads back from jsonb: then its "+" is escaped like any string's.
                json.WriteStringValue(v.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(v.ToJsonString()));
                break;
            default:
                node.WriteTo(json);
                break;
        }
    }
}
