using System.Collections.Concurrent;
using System.Net;

namespace OpsConsole.E2E.Support;

/// <summary>A webhook endpoint on 127.0.0.1 that records every request it receives (path, signature headers, body) and
/// answers 204.</summary>
public sealed class WebhookReceiver : IDisposable
{
    readonly HttpListener listener = new();
    readonly Task loop;

    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    public IEnumerable<string> Bodies => Requests.Select(r => r.Body);

    public WebhookReceiver(int port)
    {
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "");
                Requests.Enqueue(new Received(context.Request.Url!.AbsolutePath, headers, await reader.ReadToEndAsync()));
            }
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        // Close alone: after Stop, Close looks the port up again to release it and, when another test has bound that
        // port meanwhile, fails with "Address already in use".
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
