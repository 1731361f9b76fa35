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
            var (addresses, addressError) = ReadNetworks(entry.GetSection("AllowedAddresses"));
            Keys[entry.Key] = new MachineClientKey
            {
                Secret = entry["Secret"] ?? "",
                Tenant = entry["Tenant"] ?? "",
                Scopes = scopes,
                ScopesError = error,
                AllowedAddresses = addresses,
                AllowedAddressesError = addressError,
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

    /// <summary>Addresses (<c>203.0.113.7</c>) and networks (<c>10.0.0.0/8</c>, <c>2001:db8::/32</c>), listed as scopes are.</summary>
    static (IReadOnlyList<System.Net.IPNetwork> Networks, string? Error) ReadNetworks(IConfigurationSection section)
    {
        var (entries, error) = ReadScopes(section);
        if (error is not null)
            return ([], error);
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in entries)
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
                networks.Add(network);
            else if (System.Net.IPAddress.TryParse(entry, out var address))
                networks.Add(new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8));
            else
                return ([], $"has '{entry}', which is neither an IP address nor a network such as 10.0.0.0/8");
        }
        return (networks, null);
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
