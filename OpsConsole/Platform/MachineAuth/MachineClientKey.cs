namespace OpsConsole.Platform.MachineAuth;

/// <summary>One MachineClients:Keys:&lt;KeyId&gt; entry. Holds a secret, so it has no printable form.</summary>
public sealed class MachineClientKey
{
    public string Secret { get; init; } = "";
    public string Tenant { get; init; } = "";
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>The networks requests with this key may come from; empty accepts any address.</summary>
    public IReadOnlyList<System.Net.IPNetwork> AllowedAddresses { get; init; } = [];

    /// <summary>Why the AllowedAddresses setting could not be read, if it could not.</summary>
    public string? AllowedAddressesError { get; init; }

    /// <summary>Whether a request from <paramref name="remote"/> may use this key.</summary>
    public bool Allows(System.Net.IPAddress? remote)
    {
        if (AllowedAddresses.Count == 0)
            return true;
        if (remote is null)
            return false;
        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return AllowedAddresses.Any(n => n.Contains(address));
    }

    /// <summary>Why the Scopes setting could not be read, if it could not.</summary>
    public string? ScopesError { get; init; }
}
