using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace OpsConsole.Tests.Integration.Notifications;

/// <summary>A tiny HTTP receiver on 127.0.0.1 that records each request and answers with the status it is told.</summary>
sealed class HookReceiver : IAsyncDisposable
{
    readonly HttpListener listener = new();
    readonly Task serving;

    HookReceiver(int port)
    {
        Port = port;
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        serving = ServeAsync();
    }

    public int Port { get; }
    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;
    /// <summary>How long each answer takes, so concurrent senders overlap.</summary>
    public TimeSpan Delay { get; set; }

    public static HookReceiver Start(int? port = null) => new(port ?? FreePort.Next());

    async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await listener.GetContextAsync();
            }
            catch (Exception) when (!listener.IsListening)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            Requests.Enqueue(new ReceivedRequest(ctx.Request.HttpMethod, ctx.Request.Url!.AbsolutePath,
                ctx.Request.Headers.AllKeys.ToDictionary(k => k!, k => ctx.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                ctx.Request.ContentType, body));
            if (Delay > TimeSpan.Zero)
                await Task.Delay(Delay);
            ctx.Response.StatusCode = (int)Answer;
            ctx.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop, Close looks the port up again to release it and, when another test has bound that
        // port meanwhile, fails with "Address already in use".
        listener.Close();
        await serving;
    }
}
