using System.Text.Json;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>The machine-client keys from MachineClients:Keys, plus the documented demo key when Demo:Enabled is on.</summary>
public sealed class MachineClientOptions
{
    public const string Section = "MachineClients:Keys";
    public const string DemoKeyId = "demo";
    public const string DemoSecret = "demo-secret";
    public const string DemoTenant = "demo";

    // Configuration keys are case-insensitive, so key ids are too.
    public Dictionary<string, MachineClientKey> Keys { get; } = new(StringComparer.OrdinalIgnoreCase);
    public bool DemoEnabled { get; set; }

    /// <param name="allScopes">Every registered scope: the demo key holds them all.</param>
    public void Load(IConfiguration config, IReadOnlyList<string> allScopes)
    {
        Keys.Clear();
        foreach (var entry in config.GetSection(Section).GetChildren())
        {
            var (scopes, error) = ReadScopes(entry.GetSection("Scopes"));
            Keys[entry.Key] = new MachineClientKey
            {
                Secret = entry["Secret"] ?? "",
                Tenant = entry["Tenant"] ?? "",
                Scopes = scopes,
                ScopesError = error,
            };
        }
        DemoEnabled = config.GetValue<bool>("Demo:Enabled");
        // The documented demo key replaces any configured "demo" entry, so demo mode always matches the docs.
        if (DemoEnabled)
        {
            Keys.Remove(DemoKeyId);
            Keys[DemoKeyId] = new MachineClientKey { Secret = DemoSecret, Tenant = DemoTenant, Scopes = allScopes };
        }
    }

    /// <summary>A JSON array (as child entries or as one string) or a comma/space separated list.</summary>
    static (IReadOnlyList<string> Scopes, string? Error) ReadScopes(IConfigurationSection section)
    {
        var value = section.Value?.Trim();
        if (value is null)
            return (section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(s => s.Length > 0).Distinct().ToArray(), null);
        if (!value.StartsWith('['))
            return (value.Split([',', ' ', '\t', '\r', '\n', ';'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray(), null);
        try
        {
            var parsed = JsonSerializer.Deserialize<string[]>(value) ?? [];
            return (parsed.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToArray(), null);
        }
        catch (JsonException)
        {
            return ([], "is not a JSON array of strings");
        }
    }
}
