namespace CommerceGuard.Features.Content;

/// <summary>How term text is rendered. Section <c>Content</c>.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// <c>Page</c> (the default): a term is linked at its first mention on a page.
    /// <c>Section</c>: at its first mention in each section (definition, each example, …).
    /// </summary>
    public AutoLinkScope AutoLinkScope { get; set; } = AutoLinkScope.Page;
}
