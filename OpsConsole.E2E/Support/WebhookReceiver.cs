using System.Collections.Concurrent;
using System.Net;

namespace OpsConsole.E2E.Support;

/// <summary>A webhook endpoint on 127.0.0.1 that records every body it receives and answers 204.</summary>
public sealed class WebhookReceiver : IDisposable
{
    readonly HttpListener listener = new();
    readonly Task loop;

    public ConcurrentQueue<string> Bodies { get; } = new();

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
                Bodies.Enqueue(await reader.ReadToEndAsync());
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
