using System.Text.Json;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Tests.Integration.MachineAuth;

/// <summary>Builds requests signed the way a machine client signs them, and reads the problem bodies of refusals.</summary>
static class SignedRequest
{
    public static HttpRequestMessage Create(HttpMethod method, string pathAndQuery, string keyId, string secret,
        DateTimeOffset at, string? body = null, string? sendBody = null) =>
        MachineRequests.Signed(method, pathAndQuery, keyId, secret, at, body, sendBody);

    public static HttpRequestMessage Bridge(HttpMethod method, string pathAndQuery, DateTimeOffset at, string? body = null) =>
        Create(method, pathAndQuery, "bridge", MachineAuthHost.BridgeSecret, at, body);

    /// <summary>The problem+json body of a refusal; fails when the response is not problem+json.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }
}
