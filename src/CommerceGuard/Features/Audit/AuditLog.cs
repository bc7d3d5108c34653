using CommerceGuard.Data;

namespace CommerceGuard.Features.Audit;

/// <summary>
/// Writes the audit log. Over the web the actor is the signed-in account (or, for sign-in
/// attempts, the email tried) and the address is the client's; on the command line the actor is
/// "command line". An entry is written in its own save, so a failed action is recorded too.
/// </summary>
public sealed class AuditLog(GlossaryDb db, TimeProvider time, IHttpContextAccessor http)
{
    public const string CommandLine = "command line";

    public async Task RecordAsync(string action, string subject, string detail = "", string? actor = null, CancellationToken cancellationToken = default)
    {
        Add(action, subject, detail, actor);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds an entry to be written by the caller's next save, so that it is written with the
    /// change it records, or not at all.
    /// </summary>
    public void Add(string action, string subject, string detail = "", string? actor = null)
    {
        var context = http.HttpContext;
        db.Add(new AuditEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            Actor = Truncated(actor ?? context?.User.Identity?.Name ?? CommandLine, 256),
            Action = action,
            Subject = Truncated(subject, 256),
            Detail = Truncated(detail, 500),
            Address = context?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    private static string Truncated(string text, int length) => text.Length <= length ? text : text[..length];
}

public static class AuditSetup
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<AuditLog>();
        return builder;
    }
}
