using System.Buffers.Text;

namespace CommerceGuard.Features.Api;

/// <summary>
/// Where a page of terms ends: the last term's id. Lists run in id order, so a cursor holds its
/// place however terms are added or changed meanwhile, unlike a page number.
/// </summary>
public static class ApiCursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>What is wrong with a page's limit or cursor, or null, with the page's size and where it starts.</summary>
    public static IResult? PageProblem(int? limit, string? cursor, out int size, out int after)
    {
        size = limit ?? DefaultLimit;
        after = 0;
        if (size is < 1 or > MaxLimit)
        {
            return ApiProblems.Of(StatusCodes.Status400BadRequest, "The limit is out of range.", $"Ask for 1 to {MaxLimit} terms a page.");
        }
        return TryRead(cursor, out after)
            ? null
            : ApiProblems.Of(StatusCodes.Status400BadRequest, "The cursor is not one this API gave.", "Start without a cursor, then pass the 'next' of each page.");
    }

    /// <summary>In base64url, so that clients treat it as opaque.</summary>
    public static string Write(int id) => Base64Url.EncodeToString(BitConverter.GetBytes(id));

    public static bool TryRead(string? cursor, out int after)
    {
        after = 0;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        Span<byte> bytes = stackalloc byte[8];
        // TryDecodeFromChars only "tries" for room: a character outside base64url throws, so it is checked first.
        if (cursor.Length > 8 || !Base64Url.IsValid(cursor) || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != 4)
        {
            return false;
        }
        after = BitConverter.ToInt32(bytes);
        return after > 0;
    }
}
