using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Feedback.Complaints;

/// <summary>Which complaint channels serve a term: those of its categories (or of every category), in the reader's state (or nationwide).</summary>
public static class ComplaintChannels
{
    public static async Task<List<ComplaintChannel>> ServingAsync(
        this GlossaryDb db, IReadOnlyCollection<int> categoryIds, string? state, CancellationToken cancellationToken)
    {
        // A few dozen rows at most: read whole and chosen here, the same on every database.
        var all = await db.ComplaintChannels.AsNoTracking().OrderBy(channel => channel.DisplayOrder).ThenBy(channel => channel.Name).ToListAsync(cancellationToken);
        return [.. all.Where(channel => (channel.CategoryIds.Count == 0 || channel.CategoryIds.Exists(categoryIds.Contains))
                && (channel.States.Count == 0 || (state is not null && channel.States.Contains(state))))
            // The reader's own state's channels first: they can do what federal ones cannot.
            .OrderBy(channel => channel.States.Count == 0)];
    }
}
