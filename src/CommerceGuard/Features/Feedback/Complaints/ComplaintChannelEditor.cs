using CommerceGuard.Data;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Glossary.Editing;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Features.Feedback.Complaints;

/// <summary>A complaint channel as its form gives it; states as postal codes separated by commas or spaces.</summary>
public sealed record ChannelInput(string? Name, string? Handles, string? Address, string? Phone, IReadOnlyList<int> CategoryIds, string? States);

/// <summary>The one way complaint channels are written: checked, recorded in the audit log, and every page told.</summary>
public sealed class ComplaintChannelEditor(GlossaryDb db, AuditLog audit, TimeProvider time)
{
    /// <summary>Adds a channel (no <paramref name="id"/>) or changes one; the problems per field, none when saved.</summary>
    public async Task<Dictionary<string, string>> SaveAsync(int? id, ChannelInput input, CancellationToken cancellationToken = default)
    {
        var channel = id is null ? null : await db.ComplaintChannels.SingleOrDefaultAsync(channel => channel.Id == id, cancellationToken);
        if (id is not null && channel is null)
        {
            return new() { [""] = "That channel no longer exists." };
        }
        var (problems, states) = Check(input);
        var known = await db.Categories.Where(category => input.CategoryIds.Contains(category.Id)).Select(category => category.Id).ToListAsync(cancellationToken);
        if (known.Count != input.CategoryIds.Distinct().Count())
        {
            problems["categories"] = "One of the categories no longer exists; choose again.";
        }
        if (problems.Count > 0)
        {
            return problems;
        }
        if (channel is null)
        {
            var last = await db.ComplaintChannels.MaxAsync(other => (int?)other.DisplayOrder, cancellationToken) ?? 0;
            channel = new ComplaintChannel { Name = "", Handles = "", Address = "", DisplayOrder = last + 1 };
            db.ComplaintChannels.Add(channel);
        }
        channel.Name = TermValidation.Blank(input.Name)!;
        channel.Handles = TermValidation.Blank(input.Handles)!;
        channel.Address = TermValidation.Blank(input.Address)!;
        channel.Phone = TermValidation.Blank(input.Phone);
        channel.CategoryIds = [.. known.Order()];
        channel.States = states;
        audit.Add(AuditActions.ComplaintChannelSaved, channel.Name, channel.Address);
        await SaveAsync(cancellationToken);
        return [];
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var channel = await db.ComplaintChannels.SingleOrDefaultAsync(channel => channel.Id == id, cancellationToken);
        if (channel is null)
        {
            return false;
        }
        db.ComplaintChannels.Remove(channel);
        audit.Add(AuditActions.ComplaintChannelDeleted, channel.Name, channel.Address);
        await SaveAsync(cancellationToken);
        return true;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        // The pages that list channels are cached with the terms they are for; a change around
        // every term is how every server hears to drop them. Edits here are rare.
        db.TermChanges.Add(TermChange.AroundEveryTerm(time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static (Dictionary<string, string> Problems, List<string> States) Check(ChannelInput input)
    {
        var problems = new Dictionary<string, string>();
        var (name, handles, address, phone) = (TermValidation.Blank(input.Name), TermValidation.Blank(input.Handles), TermValidation.Blank(input.Address), TermValidation.Blank(input.Phone));
        if (name is null || name.Length > ComplaintChannel.NameMaxLength)
        {
            problems["name"] = $"Give the channel's name, up to {ComplaintChannel.NameMaxLength} characters.";
        }
        if (handles is null || handles.Length > ComplaintChannel.HandlesMaxLength)
        {
            problems["handles"] = $"Say what it handles, in up to {ComplaintChannel.HandlesMaxLength} characters.";
        }
        if (address is null || address.Length > ComplaintChannel.AddressMaxLength || !Uri.TryCreate(address, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems["address"] = "Give the full address of the page where its complaints start, beginning https://.";
        }
        if (phone?.Length > ComplaintChannel.PhoneMaxLength)
        {
            problems["phone"] = $"Keep the phone number to {ComplaintChannel.PhoneMaxLength} characters.";
        }
        var written = (input.States ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = written.Where(state => UsStates.Parse(state) is null).ToList();
        if (unknown.Count > 0)
        {
            problems["states"] = $"\"{string.Join(", ", unknown)}\" is not a state's two-letter postal code, such as CA or NY.";
        }
        return (problems, [.. written.Select(UsStates.Parse).OfType<string>().Distinct().Order()]);
    }
}
