using System.Text.Json.Nodes;

namespace OpsConsole.Platform.Audit;

/// <summary>A record's fields as an audit event's details carry them: all of them, or those an edit changed.</summary>
public static class AuditFields
{
    public static JsonObject Of(IReadOnlyDictionary<string, string> fields)
    {
        var json = new JsonObject();
        foreach (var (name, value) in fields)
            json[name] = value;
        return json;
    }

    /// <summary>Each field whose value differs, as <c>{ before, after }</c>; empty when nothing changed.</summary>
    public static JsonObject Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var changes = new JsonObject();
        foreach (var (name, value) in after.Where(f => before[f.Key] != f.Value))
            changes[name] = new JsonObject { ["before"] = before[name], ["after"] = value };
        return changes;
    }
}
