using CommerceGuard.Data;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Feedback.Complaints;
using CommerceGuard.Features.Glossary;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Admin.Complaints;

/// <summary>The complaint channels readers are shown after "this happened to me": add, change, delete.</summary>
[Authorize(Policy = Policies.Editing)]
public sealed class ChannelsPageModel(GlossaryDb db, ComplaintChannelEditor editor) : PageModel
{
    public List<ComplaintChannel> Channels { get; private set; } = [];
    public List<Category> Categories { get; private set; } = [];

    /// <summary>The channel a refused form was for (0 for a new one), its problems, and what was typed.</summary>
    public int? ProblemFor { get; private set; }
    public IReadOnlyDictionary<string, string> Problems { get; private set; } = new Dictionary<string, string>();
    public ChannelInput? Typed { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(
        int? id, string? name, string? handles, string? address, string? phone, int[] categoryIds, string? states, CancellationToken cancellationToken)
    {
        var input = new ChannelInput(name, handles, address, phone, categoryIds, states);
        var problems = await editor.SaveAsync(id, input, cancellationToken);
        if (problems.Count == 0)
        {
            Done = $"“{name?.Trim()}” is saved: readers see it now.";
            return RedirectToPage();
        }
        (ProblemFor, Problems, Typed) = (id ?? 0, problems, input);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        Done = await editor.DeleteAsync(id, cancellationToken) ? "The channel is deleted." : "That channel was already deleted.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Channels = await db.ComplaintChannels.AsNoTracking().OrderBy(channel => channel.DisplayOrder).ThenBy(channel => channel.Name).ToListAsync(cancellationToken);
        Categories = await db.Categories.AsNoTracking().OrderBy(category => category.DisplayOrder).ToListAsync(cancellationToken);
    }

    /// <summary>What a channel's form shows: what was typed when it was refused, otherwise what is stored.</summary>
    public ChannelInput Shown(ComplaintChannel? channel) =>
        ProblemFor == (channel?.Id ?? 0) && Typed is not null ? Typed
        : channel is null ? new ChannelInput(null, null, null, null, [], null)
        : new ChannelInput(channel.Name, channel.Handles, channel.Address, channel.Phone, channel.CategoryIds, string.Join(", ", channel.States));

    public string? Problem(ComplaintChannel? channel, string field) =>
        ProblemFor == (channel?.Id ?? 0) ? Problems.GetValueOrDefault(field) : null;
}
