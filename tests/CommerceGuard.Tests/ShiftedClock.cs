namespace CommerceGuard.Tests;

/// <summary>The real time, moved by a shift the test sets: for stamps made long ago, or waits not waited.</summary>
public sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public TimeSpan Shift { get; set; } = shift;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Shift;
}
