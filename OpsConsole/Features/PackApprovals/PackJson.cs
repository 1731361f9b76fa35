using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace OpsConsole.Features.PackApprovals;

/// <summary>The jsonb form of a pack approval's message values and a hold's parameters.</summary>
static class PackJson
{
    public static string Write(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyDictionary<string, string> ReadValues(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    /// <summary>Compares the entries, not the reference, so the change tracker sees a changed value and its snapshot is a copy.</summary>
    public static readonly ValueComparer<IReadOnlyDictionary<string, string>> Comparer = new(
        (a, b) => a!.Count == b!.Count && a.OrderBy(e => e.Key).SequenceEqual(b.OrderBy(e => e.Key)),
        d => d.Aggregate(0, (hash, e) => hash ^ HashCode.Combine(e.Key, e.Value)),
        d => d.ToDictionary(e => e.Key, e => e.Value));
}
