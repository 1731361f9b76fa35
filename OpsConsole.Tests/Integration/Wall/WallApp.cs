using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using OpsConsole.Features.Wall;
using OpsConsole.Platform.Live;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Wall;

/// <summary>The app with a wall token set, and what a TV does with it: open the wall link, keep the cookie, connect.</summary>
static class WallApp
{
    public const string Token = "wall-test-token-0123456789abcdef0123456789";

    public static Dictionary<string, string?> Settings(string token = Token) => new() { ["Wall:Token"] = token };

    /// <summary>Opens <c>/wall?token=…</c> without following the redirect.</summary>
    public static async Task<HttpResponseMessage> OpenLinkAsync(OpsAppFactory app, string token)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        return await client.GetAsync($"/wall?token={Uri.EscapeDataString(token)}");
    }

    /// <summary>The Cookie header a TV holds after opening the wall link with the right token.</summary>
    public static async Task<string> CookieAsync(OpsAppFactory app, string token = Token)
    {
        using var response = await OpenLinkAsync(app, token);
        if (response.StatusCode != HttpStatusCode.SeeOther)
            throw new InvalidOperationException($"The wall link answered {(int)response.StatusCode}.");
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith(WallAccess.CookieName + "=", StringComparison.Ordinal));
    }

    /// <summary>A request with only the wall cookie, redirects not followed.</summary>
    public static async Task<HttpResponseMessage> SendAsync(OpsAppFactory app, string cookie, HttpMethod method, string path)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        if (method != HttpMethod.Get && method != HttpMethod.Head)
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    /// <summary>A started /hubs/ops connection holding only the wall cookie.</summary>
    public static async Task<HubConnection> ConnectHubAsync(OpsAppFactory app, string cookie)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, OpsHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        await hub.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        return hub;
    }
}
