using Microsoft.Extensions.Configuration;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Tests.Platform.MachineAuth;

[Trait("Category", "Domain")]
public class MachineClientOptionsTests
{
    static readonly MachineScopeRegistry Scopes = new([new("Approvals:Submit"), new("DeadLetters:Read"), new("Metrics:Read")]);

    static MachineClientOptions Load(params (string Key, string? Value)[] settings)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var options = new MachineClientOptions();
        options.Load(config, Scopes.All);
        return options;
    }

    static IEnumerable<string> Failures(MachineClientOptions options) =>
        new MachineClientOptionsValidator(Scopes).Validate(null, options).Failures ?? [];

    [Theory]
    [InlineData("Approvals:Submit, Metrics:Read")]
    [InlineData("Approvals:Submit Metrics:Read")]
    [InlineData("""["Approvals:Submit","Metrics:Read"]""")]
    public void Scopes_are_read_from_a_list_or_a_json_array(string scopes)
    {
        var options = Load(("MachineClients:Keys:bridge:Secret", "bridge-secret-0123456789"),
            ("MachineClients:Keys:bridge:Tenant", "acme"), ("MachineClients:Keys:bridge:Scopes", scopes));

        Assert.Equal(["Approvals:Submit", "Metrics:Read"], options.Keys["bridge"].Scopes);
        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Scopes_given_as_an_array_in_appsettings_are_read()
    {
        var options = Load(("MachineClients:Keys:bridge:Secret", "bridge-secret-0123456789"), ("MachineClients:Keys:bridge:Tenant", "acme"),
            ("MachineClients:Keys:bridge:Scopes:0", "DeadLetters:Read"), ("MachineClients:Keys:bridge:Scopes:1", "Metrics:Read"));

        Assert.Equal(["DeadLetters:Read", "Metrics:Read"], options.Keys["bridge"].Scopes);
    }

    [Fact]
    public void Each_bad_key_setting_is_named()
    {
        var options = Load(("MachineClients:Keys:bridge:Scopes", "Approvals:Submit"), ("MachineClients:Keys:feed:Secret", "short"),
            ("MachineClients:Keys:feed:Tenant", "acme"), ("MachineClients:Keys:feed:Scopes", "[not json"));

        Assert.Equal(
            [
                "MachineClients:Keys:bridge:Secret is required",
                "MachineClients:Keys:bridge:Tenant is required",
                "MachineClients:Keys:feed:Secret must be at least 16 characters",
                "MachineClients:Keys:feed:Scopes is not a JSON array of strings",
            ],
            Failures(options));
    }

    [Fact]
    public void Allowed_addresses_take_addresses_and_networks_and_an_unreadable_entry_is_named()
    {
        var options = Load(("MachineClients:Keys:runner:Secret", "runner-secret-0123456789"), ("MachineClients:Keys:runner:Tenant", "acme"),
            ("MachineClients:Keys:runner:AllowedAddresses", "203.0.113.7, 10.0.0.0/8 2001:db8::/32"),
            ("MachineClients:Keys:feed:Secret", "feed-secret-0123456789"), ("MachineClients:Keys:feed:Tenant", "acme"),
            ("MachineClients:Keys:feed:AllowedAddresses", "10.0.0.0/33"));

        var runner = options.Keys["runner"];
        Assert.True(runner.Allows(System.Net.IPAddress.Parse("203.0.113.7")));
        Assert.True(runner.Allows(System.Net.IPAddress.Parse("10.20.30.40")));
        Assert.True(runner.Allows(System.Net.IPAddress.Parse("::ffff:10.1.1.1")));
        Assert.True(runner.Allows(System.Net.IPAddress.Parse("2001:db8::5")));
        Assert.False(runner.Allows(System.Net.IPAddress.Parse("203.0.113.8")));
        Assert.False(runner.Allows(null));
        Assert.True(options.Keys["feed"].AllowedAddresses.Count == 0);
        Assert.Equal(["MachineClients:Keys:feed:AllowedAddresses has '10.0.0.0/33', which is neither an IP address nor a network such as 10.0.0.0/8"],
            Failures(options));
    }

    [Fact]
    public void A_scope_no_feature_registered_is_named_and_a_known_one_in_another_case_is_not()
    {
        var options = Load(("MachineClients:Keys:bridge:Secret", "bridge-secret-0123456789"), ("MachineClients:Keys:bridge:Tenant", "acme"),
            ("MachineClients:Keys:bridge:Scopes", "approvals:submit, Approvals:Sumbit"));

        Assert.Equal(
            ["MachineClients:Keys:bridge:Scopes names an unknown scope 'Approvals:Sumbit'; known scopes are Approvals:Submit, DeadLetters:Read, Metrics:Read"],
            Failures(options));
    }

    [Fact]
    public void Demo_mode_adds_the_documented_demo_key_with_every_scope()
    {
        var options = Load(("Demo:Enabled", "true"));

        var demo = options.Keys["demo"];
        Assert.Equal("demo-secret", demo.Secret);
        Assert.Equal("demo", demo.Tenant);
        Assert.Equal(["Approvals:Submit", "DeadLetters:Read", "Metrics:Read"], demo.Scopes);
        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Without_demo_mode_there_is_no_demo_key_and_the_demo_secret_is_refused()
    {
        Assert.Empty(Load(("Demo:Enabled", "false")).Keys);

        var configured = Load(("MachineClients:Keys:demo:Secret", "demo-secret"), ("MachineClients:Keys:demo:Tenant", "demo"));
        Assert.Equal(["MachineClients:Keys:demo:Secret must be at least 16 characters"], Failures(configured));
    }
}
