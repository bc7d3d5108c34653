using YamlDotNet.RepresentationModel;

namespace CommerceGuard.Tests.Operations;

/// <summary>
/// deploy/: no container engine runs on our machines, so these files cannot be run here. These
/// tests keep them honest in what can be checked without one: they parse, and they say what
/// the README promises (non-root, read-only root, health checks, two nodes on one PostgreSQL and
/// Redis behind nginx, migrations run once, no secret written down).
/// </summary>
public sealed class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(Repository.Root, "deploy");

    [Fact]
    public void The_image_is_built_in_stages_and_runs_as_a_non_root_user_with_a_health_check()
    {
        var lines = File.ReadAllLines(Path.Combine(Deploy, "Dockerfile"))
            .Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();

        Assert.Equal(2, lines.Count(line => line.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains(lines, line => line.StartsWith("COPY --from=build", StringComparison.Ordinal));
        var user = Assert.Single(lines, line => line.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain("root", user, StringComparison.Ordinal);
        Assert.True(lines.IndexOf(user) > lines.FindLastIndex(line => line.StartsWith("RUN ", StringComparison.Ordinal)), "nothing may run as root after USER");
        Assert.Contains(lines, line => line.StartsWith("HEALTHCHECK", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("/health/live", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("ENTRYPOINT [\"dotnet\", \"CommerceGuard.dll\"]", StringComparison.Ordinal));
    }

    /// <summary>
    /// hadolint is not installable here (not in Debian 12; its npm wrapper downloads from
    /// GitHub), so the rules of it that this Dockerfile could break are checked here instead.
    /// </summary>
    [Fact]
    public void The_dockerfile_keeps_the_linters_rules()
    {
        var instructions = Instructions(File.ReadAllLines(Path.Combine(Deploy, "Dockerfile")));

        foreach (var install in instructions.Where(line => line.Contains("apt-get install", StringComparison.Ordinal)))
        {
            Assert.Contains("--no-install-recommends", install, StringComparison.Ordinal); // DL3015
            Assert.Matches(@"--yes|-y\b", install); // DL3014
            Assert.Contains("rm -rf /var/lib/apt/lists/*", install, StringComparison.Ordinal); // DL3009
        }
        Assert.All(instructions.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)),
            from => Assert.Matches(@"^FROM \S+:\S+( AS \w+)?$", from)); // DL3006, DL3007: a tagged image, never latest
        Assert.DoesNotContain(instructions, line => line.StartsWith("FROM ", StringComparison.Ordinal) && line.Contains(":latest", StringComparison.Ordinal));
        Assert.All(instructions.Where(line => line.StartsWith("ENTRYPOINT", StringComparison.Ordinal) || line.StartsWith("CMD", StringComparison.Ordinal)),
            command => Assert.Matches(@"^(ENTRYPOINT|CMD) \[", command)); // DL3025: JSON form, so signals reach the app
        Assert.DoesNotContain(instructions, line => line.StartsWith("RUN cd ", StringComparison.Ordinal)); // DL3003: WORKDIR instead
        Assert.DoesNotContain(instructions, line => line.StartsWith("ADD ", StringComparison.Ordinal)); // DL3020: COPY for files
        Assert.DoesNotContain(instructions, line => line.Contains("sudo ", StringComparison.Ordinal)); // DL3004
    }

    /// <summary>The Dockerfile's instructions, each on one line: comments dropped, continued lines joined.</summary>
    private static List<string> Instructions(IEnumerable<string> lines)
    {
        var instructions = new List<string>();
        var current = "";
        foreach (var line in lines.Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')))
        {
            current += line.TrimEnd('\\').Trim() + " ";
            if (!line.EndsWith('\\'))
            {
                instructions.Add(current.Trim());
                current = "";
            }
        }
        return instructions;
    }

    [Fact]
    public void Compose_runs_two_read_only_nodes_on_one_database_and_redis_behind_nginx_after_one_migration()
    {
        var services = (YamlMappingNode)Compose()["services"];
        string[] nodes = ["node-a", "node-b"];

        foreach (var name in nodes)
        {
            var node = Merged((YamlMappingNode)services[name]);
            Assert.Equal("true", Scalar(node, "read_only"));
            var environment = Merged((YamlMappingNode)node["environment"]);
            Assert.Equal("Postgres", Scalar(environment, "Database__Provider"));
            Assert.Equal("false", Scalar(environment, "Database__MigrateOnStart"));
            Assert.Contains("Host=postgres", Scalar(environment, "ConnectionStrings__Glossary"), StringComparison.Ordinal);
            Assert.Equal("redis:6379", Scalar(environment, "Redis__Configuration"));
            var dependsOn = (YamlMappingNode)node["depends_on"];
            Assert.Equal("service_completed_successfully", Scalar((YamlMappingNode)dependsOn["migrate"], "condition"));
        }
        Assert.Equal("[db, migrate]", string.Join(", ", ((YamlSequenceNode)((YamlMappingNode)services["migrate"])["command"]).Children).Insert(0, "[") + "]");
        Assert.True(services.Children.ContainsKey("postgres") && services.Children.ContainsKey("redis") && services.Children.ContainsKey("nginx"));
    }

    [Fact]
    public void The_nodes_believe_forwarded_headers_from_nginx_alone_and_are_ready_before_it_sends_readers()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var nginx = (YamlMappingNode)services["nginx"];
        var nginxAddress = Scalar((YamlMappingNode)((YamlMappingNode)nginx["networks"])["site"], "ipv4_address");

        foreach (var name in new[] { "node-a", "node-b" })
        {
            var node = Merged((YamlMappingNode)services[name]);
            Assert.Equal(nginxAddress, Scalar(Merged((YamlMappingNode)node["environment"]), "ForwardedHeaders__KnownProxies"));
            Assert.Contains("/health/ready", string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)node["healthcheck"])["test"]).Children), StringComparison.Ordinal);
            Assert.Equal("service_healthy", Scalar((YamlMappingNode)((YamlMappingNode)nginx["depends_on"])[name], "condition"));
        }
        var config = File.ReadAllText(Path.Combine(Deploy, "nginx.conf"));
        Assert.Contains("location ~* ^/(health|metrics)(/|$) {", config, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"proxy_next_upstream[^;]*http_503", config);
    }

    [Fact]
    public void The_database_server_is_no_newer_than_the_client_in_the_image()
    {
        var services = (YamlMappingNode)Compose()["services"];
        var server = Scalar((YamlMappingNode)services["postgres"], "image");
        var dockerfile = File.ReadAllText(Path.Combine(Deploy, "Dockerfile"));

        // The runtime image is Ubuntu 24.04 (noble), whose postgresql-client is 16; pg_dump refuses newer servers.
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble AS runtime", dockerfile, StringComparison.Ordinal);
        Assert.Contains("postgresql-client", dockerfile, StringComparison.Ordinal);
        Assert.Equal("postgres:16", server);
    }

    [Fact]
    public void No_secret_is_written_in_the_deploy_files()
    {
        // Every password, as a setting or inside a connection string, is the environment's, and compose refuses to start without it.
        var settings = File.ReadAllLines(Path.Combine(Deploy, "compose.yaml")).Where(line => !line.TrimStart().StartsWith('#')).ToList();
        var passwords = settings
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"(?i)^\s*[A-Z_]*PASSWORD\s*:\s*(.+)$"))
            .Where(match => match.Success).Select(match => match.Groups[1].Value.Trim().Trim('"'))
            .Concat(settings.SelectMany(line => System.Text.RegularExpressions.Regex.Matches(line, @"Password=([^;""]*)").Select(match => match.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(passwords);
        Assert.All(passwords, password => Assert.StartsWith("${POSTGRES_PASSWORD:?", password, StringComparison.Ordinal));
    }

    [Fact]
    public void Nginx_balances_both_nodes_and_tells_them_who_the_client_is()
    {
        var config = File.ReadAllText(Path.Combine(Deploy, "nginx.conf"));

        Assert.Contains("server node-a:8080", config, StringComparison.Ordinal);
        Assert.Contains("server node-b:8080", config, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-For", config, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-Proto", config, StringComparison.Ordinal);
        Assert.Equal(config.Count(c => c == '{'), config.Count(c => c == '}'));
    }

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Deploy, "compose.yaml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>A mapping with its YAML merge keys ("&lt;&lt;: *anchor") applied, as compose applies them; its own keys win.</summary>
    private static YamlMappingNode Merged(YamlMappingNode node)
    {
        var merged = new YamlMappingNode();
        if (node.Children.TryGetValue(new YamlScalarNode("<<"), out var inherited))
        {
            foreach (var (key, value) in Merged((YamlMappingNode)inherited).Children)
            {
                merged.Children[key] = value;
            }
        }
        foreach (var (key, value) in node.Children.Where(entry => ((YamlScalarNode)entry.Key).Value != "<<"))
        {
            merged.Children[key] = value;
        }
        return merged;
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value ?? "";
}
