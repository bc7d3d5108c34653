using System.ComponentModel.DataAnnotations;

namespace CommerceGuard.Features.Glossary.Reviews;

/// <summary>How often terms are reviewed. Section <c>Reviews</c>.</summary>
public sealed class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>Months between reviews for a term none of whose categories sets its own.</summary>
    [Range(1, 120)]
    public int DefaultMonths { get; set; } = 12;

    /// <summary>A term whose review falls due within this many days is in the review queue already.</summary>
    [Range(0, 365)]
    public int DueSoonDays { get; set; } = 30;
}
