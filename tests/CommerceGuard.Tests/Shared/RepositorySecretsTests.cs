using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CommerceGuard.Tests.Shared;

/// <summary>
/// The repository holds no secret: secrets come from configuration or the environment on the
/// machine that runs the site. Every file git tracks is read for the shapes secrets take.
/// </summary>
public sealed partial class RepositorySecretsTests
{
    [Fact]
    public void No_tracked_file_holds_a_private_key_a_token_or_a_password()
    {
        var found = new List<string>();
        foreach (var file in TrackedFiles().Where(file => !IsBinary(file) && File.Exists(Path.Combine(Repository.Root, file))))
        {
            var text = File.ReadAllText(Path.Combine(Repository.Root, file));
            foreach (var (name, pattern) in Shapes)
            {
                foreach (Match match in pattern.Matches(text))
                {
                    found.Add($"{file}: {name}: {match.Value}");
                }
            }
        }
        Assert.Empty(found);
    }

    [Fact]
    public void The_check_finds_each_shape_it_looks_for()
    {
        // Put together here, so that this file does not hold what it looks for.
        const string Dashes = "-----";
        string[] samples =
        [
            Dashes + "BEGIN RSA PRIVATE KEY" + Dashes, "AKIA" + "ABCDEFGHIJKLMNOP", "ghp_" + new string('a', 36),
            "Host=db;Pass" + "word=hunter2hunter2", "\"Pass" + "word\": \"hunter2hunter2\"", "cg_" + new string('A', 43),
        ];
        Assert.All(samples, sample => Assert.Contains(Shapes, shape => shape.Pattern.IsMatch(sample)));
        // What the deploy files do instead: name a variable the operator sets.
        Assert.DoesNotContain(Shapes, shape => shape.Pattern.IsMatch("Password=${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}"));
    }

    private static readonly (string Name, Regex Pattern)[] Shapes =
    [
        ("private key", PrivateKey()),
        ("AWS access key", AwsKey()),
        ("GitHub token", GitHubToken()),
        ("password in a connection string", ConnectionPassword()),
        ("password in settings", SettingsPassword()),
        ("CommerceGuard API key", ApiKey()),
    ];

    [GeneratedRegex("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\bAKIA[0-9A-Z]{16}\b")]
    private static partial Regex AwsKey();

    [GeneratedRegex(@"\bgh[pousr]_[A-Za-z0-9]{36,}\b")]
    private static partial Regex GitHubToken();

    // A password written out; "${VARIABLE}" and "$VARIABLE" name one the operator sets instead, "…" stands for one in prose.
    [GeneratedRegex(@"Password=(?![$;""{…<(])[^;""\s]{4,}", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();

    [GeneratedRegex(@"""(Password|Secret|ApiKey|ClientSecret)""\s*:\s*""[^""]{4,}""", RegexOptions.IgnoreCase)]
    private static partial Regex SettingsPassword();

    [GeneratedRegex(@"\bcg_[A-Za-z0-9_-]{40,}")]
    private static partial Regex ApiKey();

    /// <summary>What git tracks; safe.directory, since CI may check out as another user than runs the tests.</summary>
    private static string[] TrackedFiles()
    {
        using var git = Process.Start(new ProcessStartInfo("git", ["-c", "safe.directory=*", "-C", Repository.Root, "ls-files", "-z"]) { RedirectStandardOutput = true })!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool IsBinary(string file) =>
        Path.GetExtension(file) is ".png" or ".jpg" or ".ico" or ".woff2" or ".woff" or ".zip" or ".db" or ".pdf";
}
