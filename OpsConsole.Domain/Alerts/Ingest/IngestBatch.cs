using System.Text.Json;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>
/// Reads a request body of one record (a JSON object) or a batch (an array of 1 to <see cref="IngestLimits.MaxRecords"/>
/// objects). A batch with any field at fault is refused whole, so nothing of it is stored.
/// </summary>
public static class IngestBatch
{
    public static IngestRead<T> Read<T>(JsonElement body, IngestLimits limits, Func<IngestFields, T> read)
    {
        switch (body.ValueKind)
        {
            case JsonValueKind.Object:
                return Collect([(body, "")], limits, read);
            case JsonValueKind.Array when body.GetArrayLength() is 0 or > IngestLimits.MaxRecords:
                return new([], [new FieldError("body", $"A batch must hold 1 to {IngestLimits.MaxRecords} records.")]);
            case JsonValueKind.Array:
                return Collect([.. body.EnumerateArray().Select((item, i) => (item, $"[{i}]."))], limits, read);
            default:
                return new([], [new FieldError("body", "The body must be a JSON object (one record) or an array of them.")]);
        }
    }

    static IngestRead<T> Collect<T>(IReadOnlyList<(JsonElement Item, string Prefix)> items, IngestLimits limits, Func<IngestFields, T> read)
    {
        var records = new List<T>(items.Count);
        var errors = new List<FieldError>();
        foreach (var (item, prefix) in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FieldError(prefix.TrimEnd('.'), "Each record must be a JSON object."));
                continue;
            }
            var fields = new IngestFields(item, prefix, limits);
            records.Add(read(fields));
            errors.AddRange(fields.Errors);
        }
        return errors.Count == 0 ? new(records, []) : new([], errors);
    }
}
