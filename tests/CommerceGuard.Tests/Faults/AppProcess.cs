using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace CommerceGuard.Tests.Faults;

/// <summary>
/// The built app (the CommerceGuard.dll built beside the tests) run as a process of its own on a
/// test app's database, as an operator runs it: the site, or one of its commands. It can be killed
/// as the kernel kills a process (SIGKILL): no shutdown, no finally block, no flush.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly string folder = Directory.CreateTempSubdirectory("commerceguard-process-").FullName;

    private AppProcess(GlossaryApp app, IReadOnlyDictionary<string, string> settings, string[] arguments, int? port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The app's own appsettings.json is copied beside it; its content root is its folder.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CommerceGuard.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ConnectionStrings__Glossary"] = app.ConnectionString;
        start.Environment["Database__Provider"] = app.OnPostgresDatabase ? "Postgres" : "Sqlite";
        start.Environment["Search__IndexPath"] = Path.Combine(folder, "search-index");
        // Its temporary files where the test can see what it leaves, and removes whatever it does.
        start.Environment["TMPDIR"] = Directory.CreateDirectory(TemporaryFolder).FullName;
        if (port is { } listening)
        {
            start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{listening}");
            Address = new Uri(start.Environment["ASPNETCORE_URLS"]!);
        }
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Runs a command (<c>import …</c>, <c>db …</c>) on the app's database, with settings of its own (<c>Section:Key</c>).</summary>
    public static AppProcess Command(GlossaryApp app, IReadOnlyDictionary<string, string> settings, params string[] arguments) =>
        new(app, settings, arguments, port: null);

    /// <summary>Serves the site on a free port of 127.0.0.1 and waits until it says it is ready.</summary>
    public static async Task<AppProcess> ServeAsync(GlossaryApp app, IReadOnlyDictionary<string, string> settings)
    {
        var site = new AppProcess(app, settings, [], RedisServer.FreePort());
        try
        {
            using var probe = new HttpClient { BaseAddress = site.Address, Timeout = TimeSpan.FromSeconds(5) };
            var waited = Stopwatch.StartNew();
            while (!await ReadyAsync(probe))
            {
                Assert.False(site.process.HasExited, $"The site stopped as it started:\n{site.Output}");
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(90), $"The site was not ready within 90 s:\n{site.Output}");
                await Task.Delay(100);
            }
            return site;
        }
        catch
        {
            site.Dispose();
            throw;
        }
    }

    /// <summary>The process's temporary folder (TMPDIR), its own.</summary>
    public string TemporaryFolder => Path.Combine(folder, "tmp");

    /// <summary>Where the site serves; null for a command.</summary>
    public Uri? Address { get; }

    /// <summary>Everything the process has written so far, standard output and error together.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>Waits until what the process has written satisfies the condition; fails if it ends first or takes too long.</summary>
    public async Task UntilOutputAsync(Func<string, bool> condition, TimeSpan bound)
    {
        var waited = Stopwatch.StartNew();
        while (!condition(Output))
        {
            Assert.False(process.HasExited, $"The process ended first (exit code {(process.HasExited ? process.ExitCode : 0)}):\n{Output}");
            Assert.True(waited.Elapsed < bound, $"Not so within {bound.TotalSeconds} s:\n{Output}");
            await Task.Delay(20);
        }
    }

    /// <summary>SIGKILL, as <c>kill -9</c> sends: the process ends at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        Assert.False(process.HasExited, $"The process had ended already:\n{Output}");
        process.Kill();
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static async Task<bool> ReadyAsync(HttpClient probe)
    {
        try
        {
            using var ready = await probe.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return ready.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
