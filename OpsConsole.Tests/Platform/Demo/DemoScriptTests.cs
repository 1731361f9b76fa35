using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OpsConsole.Features.Demo;

namespace OpsConsole.Tests.Platform.Demo;

/// <summary>The living demo's script: each pair's prices fall silent in turn for longer than the rule's window and come
/// back, never both at once; trades are submitted and filled, and now and then one fails and the next on its pair fills.</summary>
[Trait("Category", "Domain")]
public class DemoScriptTests
{
    static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    static DemoScript Script(out DemoFeedSettings settings)
    {
        settings = new DemoFeedSettings();
        settings.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:FeedInterval"] = "00:00:05",
            ["Alerts:PriceStaleAfter"] = "00:01:00",
            ["Alerts:InventoryStaleAfter"] = "00:02:00",
        }).Build());
        return new DemoScript(settings);
    }

    static IEnumerable<(long Tick, DateTimeOffset At, DemoPost Post)> Run(DemoScript script, TimeSpan interval, TimeSpan length) =>
        Enumerable.Range(0, (int)(length / interval)).SelectMany(t => script.At(t, Start + interval * t).Select(p => ((long)t, Start + interval * t, p)));

    static IEnumerable<JsonElement> Items(DemoPost post) => JsonDocument.Parse(post.Body).RootElement.EnumerateArray();

    [Fact]
    public void Each_pair_falls_silent_for_longer_than_its_window_and_comes_back_but_never_both_at_once()
    {
        var script = Script(out var settings);
        var posts = Run(script, settings.Interval, TimeSpan.FromMinutes(30)).Where(p => p.Post.Path == DemoScript.PricesPath).ToList();

        foreach (var pair in DemoScript.Pairs)
        {
            var heard = posts.Where(p => Items(p.Post).Any(i => i.GetProperty("pair").GetString() == pair)).Select(p => p.At).ToList();
            var gaps = heard.Zip(heard.Skip(1), (a, b) => b - a).ToList();
            Assert.Contains(gaps, g => g > settings.PriceStaleAfter);
            // Silent once a cycle (three silences long), and back after each: 30 minutes hold five or six cycles of 5 m 15 s.
            Assert.InRange(gaps.Count(g => g > settings.Interval), 5, 6);
            Assert.All(gaps.Where(g => g > settings.Interval), g => Assert.InRange(g, settings.PriceStaleAfter, settings.PriceStaleAfter + TimeSpan.FromMinutes(1)));
        }
        Assert.All(Enumerable.Range(0, 360), t => Assert.False(
            DemoScript.Silent(settings.Interval * t, settings.PriceStaleAfter, 0) && DemoScript.Silent(settings.Interval * t, settings.PriceStaleAfter, 1)));
    }

    [Fact]
    public void Now_and_then_a_trade_fails_and_the_next_trade_on_its_pair_is_filled()
    {
        var script = Script(out var settings);
        var trades = Run(script, settings.Interval, TimeSpan.FromMinutes(10)).Where(p => p.Post.Path == DemoScript.TradesPath)
            .SelectMany(p => Items(p.Post).Skip(1)).ToList();

        var failed = trades.Select((t, i) => (t, i)).Where(x => x.t.GetProperty("status").GetString() == "failed").ToList();
        Assert.InRange(failed.Count, 2, 4);
        foreach (var (trade, index) in failed)
        {
            Assert.False(string.IsNullOrEmpty(trade.GetProperty("reason").GetString()));
            var pair = trade.GetProperty("pair").GetString();
            var next = trades.Skip(index + 1).FirstOrDefault(t => t.GetProperty("pair").GetString() == pair);
            if (next.ValueKind != JsonValueKind.Undefined)
                Assert.Equal("filled", next.GetProperty("status").GetString());
        }
        Assert.True(trades.Count(t => t.GetProperty("status").GetString() == "filled") > failed.Count * 5);
    }

    [Fact]
    public void The_feeds_are_off_without_demo_mode_and_when_a_host_turns_them_off()
    {
        static DemoFeedSettings Read(params (string, string)[] values)
        {
            var settings = new DemoFeedSettings();
            settings.Read(new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Item1, (string?)v.Item2))).Build());
            return settings;
        }

        Assert.False(Read().Enabled);
        Assert.True(Read(("Demo:Enabled", "true")).Enabled);
        Assert.False(Read(("Demo:Enabled", "true"), ("Demo:LiveFeeds", "false")).Enabled);
        Assert.Equal(["Demo:LiveFeeds must be true or false, not 'sometimes'"], Read(("Demo:Enabled", "true"), ("Demo:LiveFeeds", "sometimes")).Problems);
    }
}
