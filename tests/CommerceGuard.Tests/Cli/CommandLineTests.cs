using CommerceGuard.Features.Cli;

namespace CommerceGuard.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new[] { "glossary", "check" }, true)]
    [InlineData(new[] { "db", "migrate" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:8080" }, false)]
    [InlineData(new[] { "urls=http://127.0.0.1:8080" }, false)]
    [InlineData(new[] { "ConnectionStrings:Glossary=Data Source=x.db" }, false)]
    public void Only_a_known_verb_makes_the_program_a_command(string[] args, bool isCommand) =>
        Assert.Equal(isCommand, CommandLine.IsCommand(args));
}
