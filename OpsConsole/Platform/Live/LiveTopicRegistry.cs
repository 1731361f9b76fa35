using System.Collections.Frozen;

namespace OpsConsole.Platform.Live;

/// <summary>
/// The topics this instance knows, each with its audience, as the features registered them. A change on any other
/// topic is neither announced, relayed nor followed.
/// </summary>
public sealed class LiveTopicRegistry
{
    readonly FrozenDictionary<string, LiveAudience> audiences;

    public LiveTopicRegistry(IEnumerable<LiveTopic> topics)
    {
        var list = topics.ToList();
        Check(list);
        audiences = list.ToFrozenDictionary(t => t.Name, t => t.Audience, StringComparer.Ordinal);
    }

    /// <summary>The registered topic names, in no particular order.</summary>
    public IReadOnlyCollection<string> Names => audiences.Keys;

    public bool IsKnown(string? topic) => topic is not null && audiences.ContainsKey(topic);

    /// <summary>The audience of a registered topic, or null for a topic this instance does not know.</summary>
    public LiveAudience? AudienceOf(string topic) => audiences.GetValueOrDefault(topic);

    /// <summary>Says which topics exist, for the refusal of one that does not.</summary>
    public string Unknown(string? topic) =>
        $"Unknown live topic '{topic}'; known topics are {string.Join(", ", audiences.Keys.Order(StringComparer.Ordinal))}.";

    /// <summary>Refuses a name that is not one of <see cref="LiveTopics"/> and a name registered twice, naming it.</summary>
    public static void Check(IReadOnlyCollection<LiveTopic> topics)
    {
        foreach (var topic in topics)
        {
            if (!LiveTopics.All.Contains(topic.Name, StringComparer.Ordinal))
                throw new InvalidOperationException(
                    $"Live topic '{topic.Name}' is registered but is not one of LiveTopics ({string.Join(", ", LiveTopics.All)}).");
            if (topics.Count(t => t.Name == topic.Name) > 1)
                throw new InvalidOperationException($"Live topic '{topic.Name}' is registered more than once; one feature owns each topic.");
        }
    }
}
