using System.CommandLine;
using CommerceGuard.Data;

namespace CommerceGuard.Features.Cli;

/// <summary><c>db</c>: the database's schema, for operators.</summary>
public static class DatabaseCommands
{
    public static Command Create(IServiceProvider services)
    {
        var migrate = new Command("migrate",
            "Bring the database's schema up to date. With Database:MigrateOnStart=false (rolling deploys), run this once before starting the new version.");
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            var applied = await GlossaryDataSetup.MigrateAsync(services, cancellationToken);
            var output = parse.InvocationConfiguration.Output;
            if (applied.Count == 0)
            {
                output.WriteLine("The schema is up to date: nothing to apply.");
            }
            else
            {
                output.WriteLine($"Applied {applied.Count} migration(s):");
                foreach (var name in applied)
                {
                    output.WriteLine($"  {name}");
                }
            }
            return 0;
        });
        return new Command("db", "Work on the database itself.") { migrate };
    }
}
