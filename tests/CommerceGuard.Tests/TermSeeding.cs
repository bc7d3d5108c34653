using CommerceGuard.Features.Glossary;

namespace CommerceGuard.Tests;

/// <summary>Puts terms straight into a test app's database, for cases the starter glossary lacks.</summary>
public static class TermSeeding
{
    public static Task AddTermAsync(this GlossaryApp app, string slug, string title, Action<Term>? shape = null) =>
        app.WithDbAsync(async db =>
        {
            var now = new DateTime(2025, 1, 1, 12, 0, 0, DateTimeKind.Utc);
            var term = new Term
            {
                Slug = slug,
                Title = title,
                Definition = $"The definition of {title}.",
                Status = TermStatus.Published,
                CreatedAt = now,
                ModifiedAt = now,
            };
            shape?.Invoke(term);
            db.Terms.Add(term);
            await db.SaveChangesAsync();
        });
}
