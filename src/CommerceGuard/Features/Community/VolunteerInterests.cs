namespace CommerceGuard.Features.Community;

/// <summary>The areas a volunteer can offer help in. Labels live in the site's resource file.</summary>
public static class VolunteerInterests
{
    public static IReadOnlyList<string> All { get; } =
        ["research", "writing", "translation", "legal", "technology", "outreach"];

    /// <summary>The resource key of an interest's label.</summary>
    public static string LabelKey(string interest) => $"Volunteer.Interest.{interest}";
}
