using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Alerts;
using OpsConsole.Features.Alerts;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Alerts;

/// <summary>GET /api/alerts/state, the evaluator's pause and resume for Admins, and the counts on /metrics.</summary>
[Trait("Category", "Integration")]
public sealed class AlertsApiTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    readonly ProbeFacts probe = new();
    AlertsApp app = null!;

    public Task InitializeAsync()
    {
        app = new AlertsApp(fixture, new Dictionary<string, string?> { ["Alerts:EvaluateInterval"] = "01:00:00" },
            services => services.AddSingleton(probe).AddAlertRule<IReadOnlyList<string>, ProbeFacts>(_ => new ProbeRule()));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    async Task EvaluateAsync(params string[] scopes)
    {
        probe.Scopes.Clear();
        probe.Scopes.AddRange(scopes);
        var result = await app.Host.Services.GetRequiredService<AlertEvaluator>().EvaluateAsync();
        Assert.False(result.Paused);
    }

    async Task<JsonElement> StateAsync()
    {
        using var response = await app.GetSignedAsync("/api/alerts/state");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await app.JsonAsync(response);
    }

    [Fact]
    public async Task The_state_lists_active_and_recently_cleared_alerts_each_rules_last_evaluation_and_the_pause_state()
    {
        await EvaluateAsync("state-a", "state-b");
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await EvaluateAsync("state-a");

        var state = await StateAsync();

        var active = state.GetProperty("active").EnumerateArray().Where(a => a.GetProperty("code").GetString() == ProbeRule.ProbeCode).ToList();
        var only = Assert.Single(active, a => a.GetProperty("scopeKey").GetString()!.StartsWith("state-"));
        Assert.Equal(("state-a", "Critical", "raised"), (only.GetProperty("scopeKey").GetString(), only.GetProperty("severity").GetString(),
            only.GetProperty("status").GetString()));
        Assert.Equal("Raises one alert per scope the probe holds.", only.GetProperty("details").GetProperty("checks").GetString());
        var cleared = Assert.Single(state.GetProperty("recentlyCleared").EnumerateArray(), e => e.GetProperty("scopeKey").GetString() == "state-b");
        Assert.Equal("The probe no longer holds state-b.", cleared.GetProperty("reason").GetString());
        var rule = Assert.Single(state.GetProperty("rules").EnumerateArray(), r => r.GetProperty("code").GetString() == ProbeRule.ProbeCode);
        Assert.Equal(app.Clock.GetUtcNow(), rule.GetProperty("lastEvaluatedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        // The six rules of the alerts feature, the pack hold rule, the four funding rules, and the probe.
        Assert.Equal(12, state.GetProperty("rules").GetArrayLength());
        Assert.False(state.GetProperty("evaluator").GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task An_admin_pauses_and_resumes_the_evaluator_over_the_API_and_others_may_not()
    {
        using var byViewer = await app.SendAsSignedInAsync("viewer@demo.local", HttpMethod.Post, "/api/alerts/evaluator/pause");
        using var pause = await app.SendAsSignedInAsync("admin@demo.local", HttpMethod.Post, "/api/alerts/evaluator/pause");
        var paused = (await StateAsync()).GetProperty("evaluator");
        using var resume = await app.SendAsSignedInAsync("admin@demo.local", HttpMethod.Post, "/api/alerts/evaluator/resume");

        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pause.StatusCode);
        Assert.True((await app.JsonAsync(pause)).GetProperty("paused").GetBoolean());
        Assert.Equal((true, "admin@demo.local"), (paused.GetProperty("paused").GetBoolean(), paused.GetProperty("changedBy").GetString()));
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        Assert.False((await StateAsync()).GetProperty("evaluator").GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task A_signed_in_operator_reads_the_state_and_a_key_without_the_scope_may_not()
    {
        using var operatorRead = await app.SendAsSignedInAsync("operator@demo.local", HttpMethod.Get, "/api/alerts/state");
        using var unsigned = await app.Host.CreateClient().GetAsync("/api/alerts/state");

        Assert.Equal(HttpStatusCode.OK, operatorRead.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
    }

    [Fact]
    public async Task Metrics_show_the_active_alerts_by_code_and_severity()
    {
        await EvaluateAsync("metrics-1", "metrics-2", "metrics-3");
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await EvaluateAsync("metrics-1", "metrics-2");

        using var response = await app.GetSignedAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"opsconsole_alerts_active{{code=\"{ProbeRule.ProbeCode}\",severity=\"Critical\"}} 2", text);
        Assert.Contains($"opsconsole_alerts_active{{code=\"{AlertCodes.LiquidityActionStuck}\",severity=\"Warning\"}}", text);
    }
}
