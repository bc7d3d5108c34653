using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CommerceGuard.Tests;

/// <summary>
/// A throwaway Redis of a test's own (Debian's redis-server, which ./test.sh installs) on a free
/// port of 127.0.0.1, keeping nothing on disk. The test may stop it and start it again, on the
/// same port, to see how the site copes.
/// </summary>
public sealed class RedisServer : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("commerceguard-redis-").FullName;
    private Process? process;

    public RedisServer()
    {
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    /// <summary>The value for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public void Start()
    {
        process = Process.Start(new ProcessStartInfo("redis-server")
        {
            ArgumentList =
            {
                "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", folder, "--logfile", Path.Combine(folder, "redis.log"),
            },
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        for (var waited = 0; !Answers(); waited++)
        {
            if (waited > 100 || process.HasExited)
            {
                throw new InvalidOperationException($"redis-server is not answering on port {Port}.");
            }
            Thread.Sleep(50);
        }
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }
        process?.Dispose();
        process = null;
    }

    public void Dispose()
    {
        Stop();
        Directory.Delete(folder, recursive: true);
    }

    private bool Answers()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
