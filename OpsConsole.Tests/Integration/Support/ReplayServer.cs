using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>An HTTP server on 127.0.0.1 (any free port) answering each request with what the test scripts, as a Stellar
/// RPC, Horizon or Esplora server would; it keeps every request it was sent.</summary>
sealed class ReplayServer : IAsyncDisposable
{
    readonly WebApplication app;

    public sealed record Received(string Method, string Path, string Body);

    ReplayServer(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public List<Received> Requests { get; } = [];

    /// <summary>The answer (status, JSON body) to a request; by default 404.</summary>
    public Func<Received, (int Status, string Body)> Answer { get; set; } = _ => (404, """{"status":404}""");

    public static async Task<ReplayServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = new ReplayServer(builder.Build());
        server.app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var received = new Received(context.Request.Method, context.Request.Path + context.Request.QueryString, await reader.ReadToEndAsync());
            (int Status, string Body) answer;
            lock (server.Requests)
            {
                server.Requests.Add(received);
                answer = server.Answer(received);
            }
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body);
        });
        await server.app.StartAsync();
        var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
