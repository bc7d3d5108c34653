using CommerceGuard.Features.Api;

namespace CommerceGuard.Tests.Api;

/// <summary>A cursor is opaque to clients, so whatever they send instead is refused, never a failure.</summary>
public sealed class ApiCursorTests
{
    [Theory]
    [InlineData("admin'--")]
    [InlineData("AAAAAAAA")]
    [InlineData("%%%%")]
    [InlineData("-_-_-_-_")]
    [InlineData("////////")]
    public void A_cursor_the_api_did_not_give_is_refused(string cursor) =>
        Assert.False(ApiCursor.TryRead(cursor, out _));

    [Fact]
    public void A_cursor_the_api_gave_is_read_back() =>
        Assert.True(ApiCursor.TryRead(ApiCursor.Write(42), out var after) && after == 42);
}
