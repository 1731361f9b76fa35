using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpsConsole.Tests.Integration.Live;

/// <summary>
/// Who may follow which topic, through the real hub with each demo user's own sign-in. The table is written out here,
/// not read from the app's registrations, so a change of audience shows up as a failing row.
/// </summary>
[Trait("Category", "Integration")]
[Collection(TwoInstances.Collection)]
public class LiveTopicAccessTests(TwoInstances apps)
{
    [Theory]
    [InlineData("operator@demo.local", "approvals", true)]
    [InlineData("operator@demo.local", "dead-letters", false)]
    [InlineData("operator@demo.local", "alerts", true)]
    [InlineData("operator@demo.local", "funding", true)]
    [InlineData("operator@demo.local", "audit", false)]
    [InlineData("operator@demo.local", "jobs", false)]
    [InlineData("operator@demo.local", "notifications", true)]
    [InlineData("manager@demo.local", "approvals", true)]
    [InlineData("manager@demo.local", "dead-letters", false)]
    [InlineData("manager@demo.local", "alerts", true)]
    [InlineData("manager@demo.local", "funding", true)]
    [InlineData("manager@demo.local", "audit", true)]
    [InlineData("manager@demo.local", "jobs", false)]
    [InlineData("manager@demo.local", "notifications", true)]
    [InlineData("top@demo.local", "approvals", true)]
    [InlineData("top@demo.local", "dead-letters", false)]
    [InlineData("top@demo.local", "alerts", true)]
    [InlineData("top@demo.local", "funding", true)]
    [InlineData("top@demo.local", "audit", true)]
    [InlineData("top@demo.local", "jobs", false)]
    [InlineData("top@demo.local", "notifications", true)]
    [InlineData("remediator@demo.local", "approvals", false)]
    [InlineData("remediator@demo.local", "dead-letters", true)]
    [InlineData("remediator@demo.local", "alerts", true)]
    [InlineData("remediator@demo.local", "funding", true)]
    [InlineData("remediator@demo.local", "audit", true)]
    [InlineData("remediator@demo.local", "jobs", false)]
    [InlineData("remediator@demo.local", "notifications", true)]
    [InlineData("viewer@demo.local", "approvals", true)]
    [InlineData("viewer@demo.local", "dead-letters", true)]
    [InlineData("viewer@demo.local", "alerts", true)]
    [InlineData("viewer@demo.local", "funding", true)]
    [InlineData("viewer@demo.local", "audit", true)]
    [InlineData("viewer@demo.local", "jobs", true)]
    [InlineData("viewer@demo.local", "notifications", true)]
    [InlineData("admin@demo.local", "approvals", true)]
    [InlineData("admin@demo.local", "dead-letters", true)]
    [InlineData("admin@demo.local", "alerts", true)]
    [InlineData("admin@demo.local", "funding", true)]
    [InlineData("admin@demo.local", "audit", true)]
    [InlineData("admin@demo.local", "jobs", true)]
    [InlineData("admin@demo.local", "notifications", true)]
    public async Task Subscribe_is_allowed_only_to_the_topics_audience(string email, string topic, bool allowed)
    {
        await using var hub = await apps.ConnectAsync(apps.A, email);

        var subscribe = hub.InvokeAsync("Subscribe", topic, TwoInstances.Timeout());

        if (allowed)
            await subscribe;
        else
            Assert.Contains($"HubException: You may not follow '{topic}'", (await Assert.ThrowsAsync<HubException>(() => subscribe)).Message);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_connect_at_all()
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => apps.ConnectAsync(apps.A, email: null));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
