using System.CommandLine;
using System.Globalization;
using CommerceGuard.Features.Accounts;

namespace CommerceGuard.Features.Cli;

/// <summary><c>users add | list | disable</c>: the back office's accounts, from the command line.</summary>
internal static class UsersCommands
{
    public static Command Create(IServiceProvider services, TextReader input) =>
        new("users", "Manage the back office's accounts. There is no default account: make the first Admin with `users add`.")
        {
            Add(services, input),
            List(services),
            Disable(services),
        };

    private static Command Add(IServiceProvider services, TextReader input)
    {
        var email = new Argument<string>("email") { Description = "The person's email address, which they sign in with" };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}", Required = true };
        var name = new Option<string?>("--name") { Description = "The name shown beside their work (default: the email's name)" };
        var passwordFromInput = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of printing a one-time link" };
        var add = new Command("add", "Add an account and print a one-time link that lets its owner choose a password.")
        {
            email, role, name, passwordFromInput,
        };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var password = parse.GetValue(passwordFromInput) ? (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? "" : null;
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            var added = await accounts.AddAsync(parse.GetValue(email)!, parse.GetValue(role)!, parse.GetValue(name), password);
            if (!added.Succeeded)
            {
                output.WriteLine("No account was added:");
                foreach (var error in added.Errors)
                {
                    output.WriteLine($"  {error}");
                }
                return 1;
            }
            output.WriteLine($"Added {added.Account!.Email} as {parse.GetValue(role)}.");
            if (password is null)
            {
                var hours = accounts.SetPasswordLinkLifetime.TotalHours.ToString(CultureInfo.InvariantCulture);
                output.WriteLine($"Give them this link to choose their password; it works once, for {hours} hours:");
                output.WriteLine(await accounts.SetPasswordLinkAsync(added.Account));
            }
            return 0;
        });
        return add;
    }

    private static Command List(IServiceProvider services)
    {
        var list = new Command("list", "List every account with its role and state.");
        list.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var accounts = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ListAsync(cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"{accounts.Count} accounts");
            foreach (var account in accounts)
            {
                var signedIn = account.LastSignInAt?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "never signed in";
                output.WriteLine($"  {account.Email}  {account.Role}  {account.State}  {account.DisplayName}  ({signedIn})");
            }
            return 0;
        });
        return list;
    }

    private static Command Disable(IServiceProvider services)
    {
        var email = new Argument<string>("email") { Description = "The account's email address" };
        var disable = new Command("disable", "Stop an account signing in and end its sessions.") { email };
        disable.SetAction(async (parse, cancellationToken) =>
        {
            await using var scope = services.CreateAsyncScope();
            var refusal = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().DisableAsync(parse.GetValue(email)!);
            parse.InvocationConfiguration.Output.WriteLine(refusal
                ?? $"Disabled {parse.GetValue(email)}: it cannot sign in, and its sessions end within a minute.");
            return refusal is null ? 0 : 1;
        });
        return disable;
    }
}
