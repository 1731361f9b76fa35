using System.Text.Json;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.E2E.Support;

/// <summary>Calls the app's API as the demo machine client does: every request signed with the demo key.</summary>
public sealed class DemoMachineClient(Uri baseUrl) : IDisposable
{
    /// <summary>Valid Stellar accounts for the payloads of test requests.</summary>
    public const string Issuer = "GD6OZ6JCZ7FD2HQ6JC3IYRSEJPERKG4KV2ABWT535O5MCQOPWM4YMT4K";
    public const string Destination = "GA5URGZFSFZVLKSKK55UK4QW45HWTRAF74C46KV25JYJKXXEQFU56QC4";

    public const string KeyId = MachineClientOptions.DemoKeyId;
    public const string Secret = MachineClientOptions.DemoSecret;
    readonly HttpClient http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(15) };

    public Task<JsonElement> SendAsync(HttpMethod method, string pathAndQuery, object? body = null) =>
        SendJsonAsync(method, pathAndQuery, body is null ? null : JsonSerializer.Serialize(body));

    /// <summary>Sends the JSON as written, for bodies whose form the caller chose (a contract model with its type).</summary>
    public async Task<JsonElement> SendJsonAsync(HttpMethod method, string pathAndQuery, string? body)
    {
        using var request = MachineRequests.Signed(method, pathAndQuery, KeyId, Secret, DateTimeOffset.UtcNow, body);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{method} {pathAndQuery} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Raises a mint request of 10 OPS in treasury, as a partner's system would; returns its id. The default
    /// <paramref name="issuer"/> is an account this console does not issue from, so the mint is never submitted.</summary>
    public async Task<string> RaiseMintAsync(string title, string requestedBy = "desk@partner.example", string amount = "10", string memo = "e2e",
        string issuer = Issuer)
    {
        var created = await SendAsync(HttpMethod.Post, "/api/approval-requests", new
        {
            kind = "Mint",
            title,
            department = "treasury",
            requestedBy,
            payload = new { assetCode = "OPS", issuer, destination = Destination, amount, memo },
        });
        return created.GetProperty("id").GetString()!;
    }

    public void Dispose() => http.Dispose();
}
