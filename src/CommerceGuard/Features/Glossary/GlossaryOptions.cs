using System.ComponentModel.DataAnnotations;

namespace CommerceGuard.Features.Glossary;

/// <summary>How the glossary's lists are laid out. Section <c>Glossary</c>.</summary>
public sealed class GlossaryOptions
{
    public const string Section = "Glossary";

    /// <summary>
    /// The most terms one page of a list shows (a letter of the A–Z index, a category). At 400,
    /// a page of the longest titles stays under 200 KB; a glossary this size or smaller is shown
    /// whole on the A–Z page.
    /// </summary>
    [Range(2, 2_000)]
    public int ListPageSize { get; set; } = 400;
}
