using System.Diagnostics;
using System.Globalization;

namespace CommerceGuard.Tests;

/// <summary>
/// A PostgreSQL server of a test's own (Debian's binaries, which ./test.sh installs), in a
/// throwaway folder on a free port of 127.0.0.1, for tests that stop the database and start it
/// again, which the run's shared server must never do. Made as tests/throwaway-postgres.sh makes
/// the shared one: as the postgres user when we are root, since the server refuses root.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("commerceguard-pg-").FullName;
    private readonly string binaries = Directory.GetDirectories("/usr/lib/postgresql")
        .Select(version => Path.Combine(version, "bin"))
        .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
        .OrderBy(bin => int.Parse(Path.GetFileName(Path.GetDirectoryName(bin))!, CultureInfo.InvariantCulture))
        .Last();

    public PostgresServer()
    {
        if (Environment.UserName == "root")
        {
            Run("chown", "postgres", folder);
        }
        RunAsPostgres("initdb", "-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync");
        Port = RedisServer.FreePort();
        Start();
    }

    public int Port { get; }

    /// <summary>A connection string for the server; add a database name.</summary>
    public string Server => $"Host=127.0.0.1;Port={Port};Username=postgres";

    private string Data => Path.Combine(folder, "data");

    public void Start() => RunAsPostgres("pg_ctl", "-D", Data, "-l", Path.Combine(folder, "log"), "-w", "-t", "30",
        "-o", $"-p {Port.ToString(CultureInfo.InvariantCulture)} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>Stops the server at once, as a crash or a lost machine would.</summary>
    public void Stop() => RunAsPostgres("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        Directory.Delete(folder, recursive: true);
    }

    private void RunAsPostgres(string program, params string[] arguments)
    {
        var path = Path.Combine(binaries, program);
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {errors}{output.Result}");
        }
    }
}
