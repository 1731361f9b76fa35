using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsConsole.Features.Stellar;
using OpsConsole.Tests.Domain.Stellar;

namespace OpsConsole.Tests.Integration.Stellar;

/// <summary>Bad Stellar settings stop start-up, one line each, naming the setting and never the seed.</summary>
[Trait("Category", "Domain")]
public class StellarOptionsTests
{
    static readonly string Seed = StellarVectors.Payments.First().Text("sourceSeed");

    static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        using var services = new ServiceCollection().AddLogging().AddStellar(config).BuildServiceProvider();
        try
        {
            _ = services.GetRequiredService<IOptions<StellarOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return [.. ex.Failures];
        }
    }

    [Fact]
    public void The_defaults_are_the_simulated_network_with_a_five_minute_window()
    {
        Assert.Empty(Problems());
        var options = new StellarOptions();
        Assert.Equal((StellarMode.Simulated, TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(5)), (options.Mode, options.SubmitWindow, options.ReconcileInterval));
    }

    [Fact]
    public void Each_bad_setting_is_named_and_the_seed_never_repeated()
    {
        Assert.Equal(["Stellar:RpcUrl must be an absolute http or https URL when Stellar:Mode is Rpc", "Stellar:IssuerSeed must be set when Stellar:Mode is Rpc"],
            Problems(("Stellar:Mode", "Rpc")));
        Assert.Equal(["Stellar:IssuerSeed is not a Stellar secret seed (S…): Checksum"],
            Problems(("Stellar:Mode", "Horizon"), ("Stellar:HorizonUrl", "http://127.0.0.1:8000"), ("Stellar:IssuerSeed", Seed[..^1] + (Seed[^1] == 'A' ? "B" : "A"))));
        Assert.Single(Problems(("Stellar:SubmitWindow", "00:00:00")), p => p.StartsWith("Stellar:SubmitWindow", StringComparison.Ordinal));
        Assert.Empty(Problems(("Stellar:Mode", "Rpc"), ("Stellar:RpcUrl", "http://127.0.0.1:8000"), ("Stellar:IssuerSeed", Seed)));
    }

    [Fact]
    public void A_real_seed_on_the_simulated_network_is_refused_outside_demo_mode()
    {
        var refused = Assert.Single(Problems(("Stellar:IssuerSeed", Seed)));
        Assert.Contains("Mode is Simulated outside demo mode", refused);
        Assert.DoesNotContain(Seed, refused);
        Assert.Empty(Problems(("Stellar:IssuerSeed", Seed), ("Demo:Enabled", "true")));
    }
}
