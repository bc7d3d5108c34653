using CommerceGuard.Features.Cli;

namespace CommerceGuard.Tests.Cli;

/// <summary>How the command line shows long work: a bar on a terminal, a line now and then in a log.</summary>
public sealed class ProgressDisplayTests
{
    /// <summary>A clock that moves only when told to.</summary>
    private sealed class StoppedClock : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan time) => ticks += time.Ticks;
    }

    [Fact]
    public void Redirected_output_gets_a_plain_line_each_interval_with_the_count_and_rate()
    {
        var clock = new StoppedClock();
        using var output = new StringWriter();
        using (var progress = new ProgressDisplay(output, terminal: false, TimeSpan.FromSeconds(10), clock))
        {
            progress.Report("Writing", 0, 3000);
            clock.Advance(TimeSpan.FromSeconds(4));
            progress.Report("Writing", 1000, 3000);
            clock.Advance(TimeSpan.FromSeconds(6));
            progress.Report("Writing", 2500, 3000);
            clock.Advance(TimeSpan.FromSeconds(1));
            progress.Report("Writing", 3000, 3000);
        }

        Assert.Equal(["Writing: 2,500 of 3,000 (250 a second)", "Writing: 3,000 of 3,000 (273 a second)"],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_terminal_gets_a_bar_redrawn_in_place_and_a_new_line_when_the_work_ends()
    {
        var clock = new StoppedClock();
        using var output = new StringWriter();
        using (var progress = new ProgressDisplay(output, terminal: true, TimeSpan.FromSeconds(10), clock))
        {
            progress.Report("Reading", 0);
            clock.Advance(TimeSpan.FromSeconds(2));
            progress.Report("Writing", 0, 100);
            clock.Advance(TimeSpan.FromSeconds(1));
            progress.Report("Writing", 50, 100);
        }

        var text = output.ToString();
        Assert.Contains("\r[..............................] Reading: 0", text, StringComparison.Ordinal);
        Assert.Contains("\r[###############...............] Writing: 50 of 100 (50 a second)", text, StringComparison.Ordinal);
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
    }
}
