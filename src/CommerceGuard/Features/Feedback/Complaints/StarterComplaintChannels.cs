using System.Text.Json;
using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Feedback.Complaints;

/// <summary>
/// Loads the federal agencies and national directories shipped in
/// <c>Starter/complaint-channels.json</c>, once, into a site that has none: a new site, or one
/// that existed before complaint channels did. A marker remembers it, so channels an editor
/// deleted stay deleted.
/// </summary>
internal sealed class StarterComplaintChannels(GlossaryDb db, TimeProvider time)
{
    public const string LoadedMarker = "complaint-channels-loaded";
    private const string File = "Starter/complaint-channels.json";

    public async Task LoadIfNewAsync(CancellationToken cancellationToken = default)
    {
        if (await db.SiteMarkers.AnyAsync(marker => marker.Key == LoadedMarker, cancellationToken))
        {
            return;
        }
        if (!await db.ComplaintChannels.AnyAsync(cancellationToken))
        {
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(category => category.Slug, category => category.Id, cancellationToken);
            db.ComplaintChannels.AddRange(Read().Select((entry, index) => new ComplaintChannel
            {
                Name = entry.Name,
                Handles = entry.Handles,
                Address = entry.Address,
                Phone = entry.Phone,
                // A category the site has renamed or deleted is left out; the channel still serves the others.
                CategoryIds = [.. (entry.Categories ?? []).Where(categories.ContainsKey).Select(slug => categories[slug])],
                States = [.. entry.States ?? []],
                DisplayOrder = index + 1,
            }));
        }
        db.SiteMarkers.Add(new SiteMarker { Key = LoadedMarker, SetAt = time.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two servers started together: if the other one loaded them, all is well.
            if (!await OtherServerLoadedAsync(cancellationToken))
            {
                throw;
            }
        }
    }

    private async Task<bool> OtherServerLoadedAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.SiteMarkers.AnyAsync(marker => marker.Key == LoadedMarker, cancellationToken);
    }

    internal static List<Entry> Read()
    {
        using var stream = typeof(StarterComplaintChannels).Assembly.GetManifestResourceStream(File)
            ?? throw new InvalidOperationException($"The starter file {File} is not embedded in the app.");
        return JsonSerializer.Deserialize<List<Entry>>(stream, JsonSerializerOptions.Web) ?? [];
    }

    internal sealed record Entry(string Name, string Handles, string Address, string? Phone, List<string>? Categories, List<string>? States);
}
