using System.Net.Http.Json;

namespace OpsConsole.Features.Notifications;

/// <summary>Posts JSON to a notification target; any answer but 2xx is a failure that names the status, never the URL.</summary>
static class HookPost
{
    public const string ClientName = "notifications";

    public static async Task SendAsync<T>(IHttpClientFactory clients, string target, string url, T body,
        Action<HttpRequestMessage>? decorate, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        decorate?.Invoke(request);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{target} answered {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(),
                null, response.StatusCode);
    }
}
