using System.Net;
using System.Net.Sockets;

namespace OpsConsole.Tests.Integration.Support;

/// <summary>
/// An HTTP client whose connections leave from a chosen loopback address (127.0.0.1, 127.0.0.2, …), so an app on real
/// Kestrel sees two clients at two addresses on one machine. It keeps cookies and does not follow redirects.
/// </summary>
public static class LoopbackClient
{
    public static HttpClient From(string sourceAddress, Uri server) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        CookieContainer = new CookieContainer(),
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    { BaseAddress = server };
}
