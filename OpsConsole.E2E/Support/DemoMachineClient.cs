using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.E2E.Support;

/// <summary>Calls the app's API as the demo machine client does: every request signed with the demo key.</summary>
public sealed class DemoMachineClient(Uri baseUrl) : IDisposable
{
    const string KeyId = "demo";
    const string Secret = "demo-secret";
    readonly HttpClient http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(15) };

    public async Task<JsonElement> SendAsync(HttpMethod method, string pathAndQuery, object? body = null)
    {
        var json = body is null ? "" : JsonSerializer.Serialize(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(method, pathAndQuery);
        request.Headers.Add(MachineSignature.KeyHeader, KeyId);
        request.Headers.Add(MachineSignature.TimestampHeader, timestamp);
        request.Headers.Add(MachineSignature.SignatureHeader, MachineSignature.Compute(Secret, method.Method, pathAndQuery, timestamp,
            MachineSignature.BodyHash(Encoding.UTF8.GetBytes(json))));
        if (body is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{method} {pathAndQuery} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => http.Dispose();
}
