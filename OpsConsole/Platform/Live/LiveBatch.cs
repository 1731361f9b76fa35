using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpsConsole.Platform.Live;

/// <summary>
/// Coalesces the changes of one commit into as few NOTIFY payloads as PostgreSQL's size limit allows: a topic with one
/// change travels as that change's own payload; a topic with more as <c>{"topic":…,"changes":[{kind, subjectId, data}, …]}</c>,
/// split where a payload would grow too large. A reader expands every payload back into each change, in order.
/// </summary>
public static class LiveBatch
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<string> ToPayloads(IEnumerable<LiveChange> changes, LiveTopicRegistry topics)
    {
        List<string> payloads = [];
        foreach (var topic in changes.GroupBy(c => c.Topic))
        {
            if (topic.Count() == 1)
            {
                payloads.Add(topic.Single().ToPayload(topics));
                continue;
            }
            if (!topics.IsKnown(topic.Key))
                throw new ArgumentException(topics.Unknown(topic.Key));
            var head = $"{{\"topic\":{JsonSerializer.Serialize(topic.Key, Json)},\"changes\":[";
            var chunk = new StringBuilder(head);
            var bytes = Encoding.UTF8.GetByteCount(head) + 2;
            foreach (var change in topic)
            {
                if (string.IsNullOrWhiteSpace(change.Kind))
                    throw new ArgumentException("A live change needs a kind, such as 'created' or 'changed'.");
                var item = JsonSerializer.Serialize(new Item(change.Kind, change.SubjectId, change.Data), Json);
                var size = Encoding.UTF8.GetByteCount(item) + 1;
                if (bytes + size > LiveChange.MaxPayloadBytes && chunk.Length > head.Length)
                {
                    payloads.Add(chunk.Append("]}").ToString());
                    (chunk, bytes) = (new StringBuilder(head), Encoding.UTF8.GetByteCount(head) + 2);
                }
                if (bytes + size > LiveChange.MaxPayloadBytes)
                    throw new ArgumentException($"A live change of {size} bytes does not fit a NOTIFY payload; announce the subject id and let pages load the rest.");
                chunk.Append(chunk.Length > head.Length ? "," : "").Append(item);
                bytes += size;
            }
            payloads.Add(chunk.Append("]}").ToString());
        }
        return payloads;
    }

    /// <summary>Every change a payload carries, on registered topics; empty when it is not one of ours (someone else's
    /// NOTIFY on the channel, or an instance that knows a topic this one does not).</summary>
    public static IReadOnlyList<LiveChange> FromPayload(string payload, LiveTopicRegistry topics)
    {
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(payload, Json);
        }
        catch (JsonException)
        {
            return [];
        }
        if (wire is null || !topics.IsKnown(wire.Topic))
            return [];
        if (wire.Changes is null)
            return wire.Kind is null ? [] : [new LiveChange(wire.Topic!, wire.Kind, wire.SubjectId, wire.Data)];
        return [.. wire.Changes.Where(c => c.Kind is not null).Select(c => new LiveChange(wire.Topic!, c.Kind, c.SubjectId, c.Data))];
    }

    sealed record Item(string Kind, string? SubjectId, IReadOnlyDictionary<string, string>? Data);

    sealed record Wire(string? Topic, string? Kind, string? SubjectId, Dictionary<string, string>? Data, List<Item>? Changes);
}
