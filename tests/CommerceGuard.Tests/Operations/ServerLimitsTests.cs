using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// The server on a real socket: a client that trickles its headers to hold a connection open is
/// cut off, and the limits the configuration gives are the ones the server runs with.
/// </summary>
[Collection(nameof(Timed))]
public sealed class ServerLimitsTests : IDisposable
{
    private readonly GlossaryApp app = new GlossaryApp().With("Server:RequestHeadersTimeoutSeconds", "2").With("Server:MaxRequestBodyMegabytes", "1");
    private readonly Uri address;

    public ServerLimitsTests()
    {
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_client_that_trickles_its_headers_is_cut_off()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        var started = DateTime.UtcNow;

        // A request begun and never finished: a header line every half second, never the blank line.
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /glossary HTTP/1.1\r\nHost: localhost\r\n"));
        var buffer = new byte[4096];
        var read = stream.ReadAsync(buffer).AsTask();
        for (var i = 0; i < 20 && !read.IsCompleted; i++)
        {
            await Task.WhenAny(read, Task.Delay(500));
            if (!read.IsCompleted)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"X-Slow-{i}: a\r\n"));
            }
        }
        var answered = await read.WaitAsync(TimeSpan.FromSeconds(10));

        // Kestrel answers 408 and closes: well within the ten seconds the trickle would have taken.
        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(buffer, 0, answered), StringComparison.Ordinal);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8));
    }

    [Theory]
    [InlineData("GET /glossary/a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n", 400)]
    [InlineData("GET /search?q=a%00b HTTP/1.1\r\nHost: localhost\r\n\r\n", 200)]
    [InlineData("GET /glossary/\u00ff\u00fe HTTP/1.1\r\nHost: localhost\r\n\r\n", 400)]
    [InlineData("GET /glossary/premium HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\u0000b\r\n\r\n", 400)]
    [InlineData("GET /glossary/premium HTTP/1.1\r\nHost: localhost\r\nX-Folded: a\r\n continued\r\n\r\n", 400)]
    [InlineData("GET /glossary/premium\rSet-Cookie: injected=1 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400)]
    public async Task A_request_with_bytes_no_request_may_hold_is_refused_and_a_null_in_a_search_is_only_text(string request, int status)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();

        // Latin-1, so that each char above is sent as the one raw byte it stands for (0xFF is never UTF-8).
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        var buffer = new byte[16 * 1024];
        var answered = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var answer = Encoding.ASCII.GetString(buffer, 0, answered);

        Assert.StartsWith($"HTTP/1.1 {status} ", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("injected", answer.Split("\r\n\r\n")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_runs_with_the_limits_it_is_given_and_names_no_software()
    {
        using var client = new HttpClient { BaseAddress = address };

        using var response = await client.GetAsync(new Uri("/glossary", UriKind.Relative));
        var limits = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value.Limits;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
        Assert.Equal(1024 * 1024, limits.MaxRequestBodySize);
        Assert.Equal(TimeSpan.FromSeconds(2), limits.RequestHeadersTimeout);
        Assert.Equal(240, limits.MinRequestBodyDataRate!.BytesPerSecond);
        Assert.Equal(240, limits.MinResponseDataRate!.BytesPerSecond);
    }
}
