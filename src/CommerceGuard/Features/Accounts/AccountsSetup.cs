using System.ComponentModel.DataAnnotations;
using CommerceGuard.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommerceGuard.Features.Accounts;

/// <summary>Sign-in rules for the back office. Section <c>Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Wrong passwords in a row before an account is locked for <see cref="LockoutMinutes"/>.</summary>
    [Range(3, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a one-time link to set a password stays good.</summary>
    [Range(1, 14 * 24)]
    public int SetPasswordLinkHours { get; set; } = 48;

    /// <summary>
    /// How often a session's account is checked again, so that a disabled account, a changed
    /// password or "sign out everywhere" ends the account's other sessions; 0 checks every request.
    /// </summary>
    [Range(0, 3600)]
    public int SessionCheckSeconds { get; set; } = 60;

    /// <summary>The site's public address, for the links the command line prints.</summary>
    [Required, Url]
    public string PublicUrl { get; set; } = "http://localhost:5080";
}

/// <summary>The policies the back office's pages and endpoints are authorized by.</summary>
public static class Policies
{
    /// <summary>Any signed-in Author, Editor or Admin.</summary>
    public const string Staff = "Staff";

    /// <summary>Editors and Admins.</summary>
    public const string Editing = "Editing";

    /// <summary>Admins only.</summary>
    public const string Administration = "Administration";
}

public static class AccountsSetup
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();

        builder.Services.AddIdentity<Account, IdentityRole>(identity =>
            {
                // NIST SP 800-63B and OWASP ASVS 5: length, not composition; common passwords refused (PasswordRules).
                // The length rule is PasswordRules', which counts characters as people do, not UTF-16 units.
                identity.Password.RequiredLength = 1;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 1;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = options.MaxFailedSignIns;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(options.LockoutMinutes);
                identity.User.RequireUniqueEmail = true;
                // The schema the migrations were made with; the design-time tools assume it too.
                identity.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
            })
            .AddEntityFrameworkStores<GlossaryDb>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>();
        builder.Services.AddSingleton<CommonPasswords>();
        builder.Services.Configure<DataProtectionTokenProviderOptions>(tokens => tokens.TokenLifespan = TimeSpan.FromHours(options.SetPasswordLinkHours));
        builder.Services.Configure<SecurityStampValidatorOptions>(stamps => stamps.ValidationInterval = TimeSpan.FromSeconds(options.SessionCheckSeconds));
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "cg-staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.CookieManager = new HostPrefixedCookies();
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/admin/sign-in";
            cookie.LogoutPath = "/admin/sign-out";
            cookie.AccessDeniedPath = "/admin/denied";
        });
        builder.Services.AddDataProtection().SetApplicationName("CommerceGuard").PersistKeysToDbContext<GlossaryDb>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, policy => policy.RequireRole(Roles.AtLeast(Roles.Author)))
            .AddPolicy(Policies.Editing, policy => policy.RequireRole(Roles.AtLeast(Roles.Editor)))
            .AddPolicy(Policies.Administration, policy => policy.RequireRole(Roles.Admin));
        builder.Services.Configure<RazorPagesOptions>(pages =>
        {
            // The whole back office needs a signed-in member of staff, so no page can forget to ask.
            pages.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
            pages.Conventions.AllowAnonymousToPage("/Admin/SignInPage");
            pages.Conventions.AllowAnonymousToPage("/Admin/SignInCodePage");
            pages.Conventions.AllowAnonymousToPage("/Admin/SetPasswordPage");
            pages.Conventions.AllowAnonymousToPage("/Admin/DeniedPage");
        });
        builder.Services.AddScoped<AccountAdministration>();
        builder.Services.AddSingleton<SignInLimits>();
        return builder;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        // Back-office pages hold what only staff may see: no browser or proxy keeps a copy.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            }
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
