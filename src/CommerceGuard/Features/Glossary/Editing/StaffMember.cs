using System.Security.Claims;
using CommerceGuard.Features.Accounts;

namespace CommerceGuard.Features.Glossary.Editing;

/// <summary>Who is writing: the signed-in account, as the editor service needs to know it.</summary>
public sealed record StaffMember(string? AccountId, string Email, bool CanPublish)
{
    public static StaffMember From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier),
        user.Identity?.Name ?? "",
        Roles.AtLeast(Roles.Editor).Any(user.IsInRole));
}
