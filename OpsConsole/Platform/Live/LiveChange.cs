using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpsConsole.Platform.Live;

/// <summary>
/// A committed change, announced to every instance: which topic, what happened, to which subject, and a few small
/// facts a page can show without a reload. Travels as compact camelCase JSON in a NOTIFY payload.
/// </summary>
public sealed record LiveChange(string Topic, string Kind, string? SubjectId = null, IReadOnlyDictionary<string, string>? Data = null)
{
    public const string Created = "created";
    public const string Changed = "changed";
    public const string Removed = "removed";

    /// <summary>Sent by the relay after it reconnects: changes may have been missed, so reload what is shown.</summary>
    public const string Resync = "resync";

    /// <summary>PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.</summary>
    public const int MaxPayloadBytes = 7999;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The NOTIFY payload; refuses topics no feature registered, an empty kind and payloads PostgreSQL would refuse.</summary>
    public string ToPayload(LiveTopicRegistry topics)
    {
        if (!topics.IsKnown(Topic))
            throw new ArgumentException(topics.Unknown(Topic));
        if (string.IsNullOrWhiteSpace(Kind))
            throw new ArgumentException("A live change needs a kind, such as 'created' or 'changed'.");
        var payload = JsonSerializer.Serialize(this, Json);
        var bytes = Encoding.UTF8.GetByteCount(payload);
        if (bytes > MaxPayloadBytes)
            throw new ArgumentException($"A live change of {bytes} bytes exceeds the {MaxPayloadBytes}-byte NOTIFY limit; announce the subject id and let pages load the rest.");
        return payload;
    }

    /// <summary>Reads a payload of one change; null when it is not a well-formed change on a registered topic (someone
    /// else's NOTIFY on the channel, or an instance that knows a topic this one does not).</summary>
    public static LiveChange? FromPayload(string payload, LiveTopicRegistry topics) =>
        LiveBatch.FromPayload(payload, topics) is [var one] ? one : null;
}
