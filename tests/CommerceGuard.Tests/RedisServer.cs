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

    /// <summary>
    /// A port free now that no other server of this test run has had. Ports the system hands out
    /// come round again: a stopped Redis's port, given to another test's Redis meanwhile, would
    /// have this test's site reconnect to a stranger. So ports are taken in turn from a range
    /// below the system's own (32768 and up), skipping any in use.
    /// </summary>
    internal static int FreePort()
    {
        while (true)
        {
            var port = 20_000 + (int)(Interlocked.Increment(ref lastPort) % 12_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // In use: the next one.
            }
        }
    }

    /// <summary>Where this run's ports start: apart from another test run's on the same machine, most likely.</summary>
    private static long lastPort = Random.Shared.Next(12_000);
}
