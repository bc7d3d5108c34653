namespace CommerceGuard.Features.Glossary;

/// <summary>
/// The A–Z index's bar of letters: every heading of the alphabet, those with terms linked to
/// <see cref="Href"/> (a section of the page, or a letter's own page), and <see cref="Current"/>,
/// the letter whose pages the reader is on, marked as current.
/// </summary>
public sealed record JumpBar(AlphabetIndex Alphabet, ISet<string> Filed, Func<string, string> Href, string? Current = null);
