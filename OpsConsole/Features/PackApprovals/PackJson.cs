using System.Text.Json;

namespace OpsConsole.Features.PackApprovals;

/// <summary>The jsonb form of a pack approval's message values and a hold's parameters.</summary>
static class PackJson
{
    public static string Write(IReadOnlyDictionary<string, string> values) => JsonSerializer.Serialize(values);

    public static IReadOnlyDictionary<string, string> ReadValues(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];
}
