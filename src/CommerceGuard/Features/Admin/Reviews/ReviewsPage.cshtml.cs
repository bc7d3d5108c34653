using CommerceGuard.Features.Glossary.Reviews;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Admin.Reviews;

/// <summary>The review queue: published terms overdue for review or due soon, the longest overdue first, and terms whose sources stopped answering.</summary>
public sealed class ReviewsPageModel(ReviewSchedule schedule, TimeProvider time) : PageModel
{
    public List<ReviewDue> Queue { get; private set; } = [];

    public DateTime Now { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow().UtcDateTime;
        Queue = await schedule.QueueAsync(cancellationToken);
    }

    /// <summary>"Overdue by 12 days", "Due in 3 days", "Due today".</summary>
    public string When(ReviewDue term)
    {
        var days = (int)Math.Floor((term.DueAt.Date - Now.Date).TotalDays);
        return days switch
        {
            < 0 => $"Overdue by {-days} day{(days == -1 ? "" : "s")}",
            0 => "Due today",
            _ => $"Due in {days} day{(days == 1 ? "" : "s")}",
        };
    }
}
