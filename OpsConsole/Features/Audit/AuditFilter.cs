using System.Globalization;
using System.Text.Json.Nodes;
using OpsConsole.Domain.Audit;

namespace OpsConsole.Features.Audit;

/// <summary>
/// Which audit events to show or export. Text fields match exactly (so the subject and actor indexes serve them);
/// empty means any. The time range is half-open: From ≤ occurred_at &lt; To.
/// </summary>
public sealed record AuditFilter(
    string? SubjectType = null, string? SubjectId = null, string? Actor = null, string? Action = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    public static readonly AuditFilter None = new();

    public IQueryable<AuditEvent> Apply(IQueryable<AuditEvent> events)
    {
        if (Given(SubjectType) is { } subjectType)
            events = events.Where(e => e.SubjectType == subjectType);
        if (Given(SubjectId) is { } subjectId)
            events = events.Where(e => e.SubjectId == subjectId);
        if (Given(Actor) is { } actor)
            events = events.Where(e => e.Actor == actor);
        if (Given(Action) is { } action)
            events = events.Where(e => e.Action == action);
        // timestamptz parameters must be UTC for Npgsql.
        if (From?.ToUniversalTime() is { } from)
            events = events.Where(e => e.OccurredAt >= from);
        if (To?.ToUniversalTime() is { } to)
            events = events.Where(e => e.OccurredAt < to);
        return events;
    }

    /// <summary>The query string of the export endpoint for this filter (names match the record's properties).</summary>
    public string ToQueryString() => QueryString.Create(Fields().Select(f => KeyValuePair.Create(f.Key, (string?)f.Value))).ToString();

    /// <summary>The filter as it is recorded in the details of an export's audit event.</summary>
    public JsonObject ToJson() => new(Fields().Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value)));

    IEnumerable<KeyValuePair<string, string>> Fields()
    {
        (string Name, string? Value)[] all =
        [
            ("subjectType", Given(SubjectType)), ("subjectId", Given(SubjectId)), ("actor", Given(Actor)), ("action", Given(Action)),
            ("from", Iso(From)), ("to", Iso(To)),
        ];
        return all.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Name, f.Value!));
    }

    static string? Iso(DateTimeOffset? t) => t?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
