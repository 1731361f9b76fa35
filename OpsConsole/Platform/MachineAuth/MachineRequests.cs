using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>Builds an HTTP request signed as the contract says (<see cref="MachineSignature"/>), for the console's own
/// machine clients (the demo feeds), tests and benchmarks alike.</summary>
public static class MachineRequests
{
    /// <param name="sendBody">A body to send other than the one signed, for tests of a tampered request.</param>
    public static HttpRequestMessage Signed(HttpMethod method, string pathAndQuery, string keyId, string secret, DateTimeOffset at,
        string? body = null, string? sendBody = null)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.Add(MachineSignature.KeyHeader, keyId);
        request.Headers.Add(MachineSignature.TimestampHeader, timestamp);
        request.Headers.Add(MachineSignature.SignatureHeader,
            MachineSignature.Compute(secret, method.Method, pathAndQuery, timestamp, MachineSignature.BodyHash(Encoding.UTF8.GetBytes(body ?? ""))));
        if ((sendBody ?? body) is { } content)
            request.Content = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return request;
    }
}
