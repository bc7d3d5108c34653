using System.Globalization;
using CommerceGuard.Features.Interchange;

namespace CommerceGuard.Features.Cli;

/// <summary>
/// Shows how long work is getting on. On a terminal, a bar redrawn in place with the count and
/// the rate; when the output goes to a file or a pipe, a plain line now and then, which a log
/// keeps readable. It writes to standard error, so the report on standard output stays clean.
/// </summary>
internal sealed class ProgressDisplay(TextWriter output, bool terminal, TimeSpan lineEvery, TimeProvider time) : IWorkProgress, IDisposable
{
    private const int BarWidth = 30;
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);

    private string? stage;
    private long stageStarted;
    private long lastShown;
    private bool lineOpen;

    /// <summary>A bar on an interactive terminal, plain lines every ten seconds otherwise.</summary>
    public static ProgressDisplay For(TextWriter error) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected, TimeSpan.FromSeconds(10), TimeProvider.System);

    public void Report(string stage, int done, int? total = null)
    {
        var now = time.GetTimestamp();
        if (stage != this.stage)
        {
            EndLine();
            (this.stage, stageStarted, lastShown) = (stage, now, now);
            if (!terminal)
            {
                return;
            }
        }
        else if (time.GetElapsedTime(lastShown, now) < (terminal ? RedrawEvery : lineEvery) && done != total)
        {
            return;
        }
        lastShown = now;
        var seconds = time.GetElapsedTime(stageStarted, now).TotalSeconds;
        var rate = seconds > 0 ? (done / seconds).ToString("N0", CultureInfo.InvariantCulture) : "…";
        var count = total is { } all
            ? string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {all:N0}")
            : done.ToString("N0", CultureInfo.InvariantCulture);
        if (terminal)
        {
            output.Write($"\r{Bar(done, total)} {stage}: {count} ({rate} a second)   ");
            lineOpen = true;
        }
        else
        {
            output.WriteLine($"{stage}: {count} ({rate} a second)");
        }
    }

    public void Dispose() => EndLine();

    private static string Bar(int done, int? total)
    {
        if (total is not > 0)
        {
            return $"[{new string('.', BarWidth)}]";
        }
        var filled = (int)Math.Min(BarWidth, (long)done * BarWidth / total.Value);
        return $"[{new string('#', filled)}{new string('.', BarWidth - filled)}]";
    }

    private void EndLine()
    {
        if (lineOpen)
        {
            output.WriteLine();
            lineOpen = false;
        }
    }
}
