using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using OpsConsole.Platform.Startup;

namespace OpsConsole.Platform.Security;

/// <summary>
/// ForwardedHeaders:KnownProxies: the addresses whose X-Forwarded-For and X-Forwarded-Proto are believed. Empty, the
/// default, believes nobody, so a client cannot choose the address it is rate-limited and recorded under.
/// </summary>
public sealed class TrustedProxies : ICheckedSettings
{
    public const string Setting = "ForwardedHeaders:KnownProxies";

    public IReadOnlyList<IPAddress> Addresses { get; private set; } = [];
    public List<string> Problems { get; } = [];

    public void Read(IConfiguration config)
    {
        var addresses = new List<IPAddress>();
        foreach (var text in CheckedSettings.List(config, Setting))
            if (IPAddress.TryParse(text, out var address))
                addresses.Add(address);
            else
                Problems.Add($"{Setting} must list IP addresses (such as 10.0.0.5 or ::1), not '{text}'");
        Addresses = addresses;
    }

    public void Apply(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The framework trusts loopback by default; here only what the setting names counts.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var address in Addresses)
        {
            options.KnownProxies.Add(address);
            // Kestrel on a dual-stack socket reports IPv4 peers as IPv4-mapped IPv6 addresses.
            if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                options.KnownProxies.Add(address.MapToIPv6());
        }
        // Each proxy in a chain of known proxies adds an entry; the first unknown one ends the walk back.
        options.ForwardLimit = null;
    }
}
