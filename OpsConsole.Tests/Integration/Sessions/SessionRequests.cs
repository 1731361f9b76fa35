using System.Net;
using OpsConsole.Tests.Integration.Support;

namespace OpsConsole.Tests.Integration.Sessions;

/// <summary>Requests a browser holding a given cookie would send, with redirects left for the test to read.</summary>
static class SessionRequests
{
    /// <summary>The status and, for a redirect, the path it points to.</summary>
    public static async Task<(HttpStatusCode Status, string? Location)> GetAsync(OpsAppFactory app, string path, string? cookie)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null)
            request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    /// <summary>The Blazor hub's negotiate, the first request of every new circuit.</summary>
    public static async Task<HttpStatusCode> NegotiateCircuitAsync(OpsAppFactory app, string cookie)
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public static bool IsSignInPage((HttpStatusCode Status, string? Location) answer) =>
        answer.Status == HttpStatusCode.Redirect && answer.Location?.Split('?')[0].EndsWith("/login", StringComparison.Ordinal) == true;
}
