using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Tests.Integration.MachineAuth;

/// <summary>Builds requests signed the way a machine client signs them, and reads the problem bodies of refusals.</summary>
static class SignedRequest
{
    public static HttpRequestMessage Create(HttpMethod method, string pathAndQuery, string keyId, string secret,
        DateTimeOffset at, string? body = null, string? sendBody = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bodyBytes = Encoding.UTF8.GetBytes(body ?? "");
        var signature = MachineSignature.Compute(secret, method.Method, pathAndQuery, timestamp, MachineSignature.BodyHash(bodyBytes));
        var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.Add(MachineSignature.KeyHeader, keyId);
        request.Headers.Add(MachineSignature.TimestampHeader, timestamp);
        request.Headers.Add(MachineSignature.SignatureHeader, signature);
        if ((sendBody ?? body) is { } content)
            request.Content = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return request;
    }

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
