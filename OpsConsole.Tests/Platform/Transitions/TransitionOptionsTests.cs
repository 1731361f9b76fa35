using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Tests.Platform.Transitions;

[Trait("Category", "Domain")]
public class TransitionOptionsTests
{
    static TransitionOptions Resolve(params (string Key, string Value)[] settings)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        using var services = new ServiceCollection().AddTransitions(config).BuildServiceProvider();
        return services.GetRequiredService<IOptions<TransitionOptions>>().Value;
    }

    [Fact]
    public void Defaults_are_three_attempts_fifty_milliseconds_apart()
    {
        var options = Resolve();
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.RetryBaseDelay);
    }

    [Fact]
    public void Settings_are_read_from_the_transitions_section()
    {
        var options = Resolve(("Transitions:MaxAttempts", "5"), ("Transitions:RetryBaseDelay", "00:00:00.2"));
        Assert.Equal(5, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(200), options.RetryBaseDelay);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("11")]
    public void Max_attempts_out_of_range_is_refused_naming_the_setting(string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(("Transitions:MaxAttempts", value)));
        Assert.Contains(ex.Failures, f => f.StartsWith("Transitions:MaxAttempts must be"));
    }

    [Theory]
    [InlineData("-00:00:01")]
    [InlineData("00:01:00")]
    public void Retry_base_delay_out_of_range_is_refused_naming_the_setting(string value)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => Resolve(("Transitions:RetryBaseDelay", value)));
        Assert.Contains(ex.Failures, f => f.StartsWith("Transitions:RetryBaseDelay must be"));
    }
}
