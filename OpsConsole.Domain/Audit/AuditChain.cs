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

    public static string ComputeHash(string prevHash, AuditEvent e) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(prevHash + "\n" + CanonicalForm(e)))).ToLowerInvariant();

    /// <summary>
    /// Fields in a fixed order, time in UTC to the microsecond (what PostgreSQL keeps), details with keys sorted,
    /// so the form reads back the same from jsonb, which reorders keys.
    /// </summary>
    public static string CanonicalForm(AuditEvent e)
    {
        var canonical = new JsonObject
        {
            ["id"] = e.Id,
            ["occurredAt"] = Timestamp(e.OccurredAt),
            ["actor"] = e.Actor,
            ["action"] = e.Action,
            ["subjectType"] = e.SubjectType,
            ["subjectId"] = e.SubjectId,
            ["details"] = Sorted(e.Details),
        };
        return canonical.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <summary>An event's time as the chain hashes it: ISO 8601 in UTC to the microsecond, 2026-11-02T09:00:00.000000Z.</summary>
    public static string Timestamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Truncates to the microsecond precision of timestamptz, so the hash computed before saving matches the row read back.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sorted).ToArray()),
        null => null,
        _ => JsonNode.Parse(node.ToJsonString()),
    };
}
