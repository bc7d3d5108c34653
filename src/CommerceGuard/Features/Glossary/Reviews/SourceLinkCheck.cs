using System.Net;
using System.Net.Sockets;
using CommerceGuard.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommerceGuard.Features.Glossary.Reviews;

/// <summary>
/// Asks each source address cited by a published term whether it still answers, politely: one
/// request at a time to a host, some seconds apart, a HEAD where the server takes one, and no
/// address asked again before its answer is <see cref="SourceLinkOptions.EveryHours"/> old. An
/// address that fails <see cref="SourceLinkOptions.FailuresBeforeFlag"/> checks in a row is
/// broken, and its terms join the review queue.
/// </summary>
public sealed partial class SourceLinkCheck(
    GlossaryDb db, IHttpClientFactory clients, IOptions<SourceLinkOptions> options, TimeProvider time, ILogger<SourceLinkCheck> logger)
{
    public const string ClientName = "source-links";

    /// <summary>Hosts asked at once; each host is still asked one request at a time.</summary>
    private const int HostsAtOnce = 4;

    /// <summary>
    /// Checks the addresses due; how many were checked. With a <paramref name="budget"/>, no
    /// request starts after it has run out: the rest wait for the next round, so a round ends
    /// while its server still holds the lease.
    /// </summary>
    public async Task<int> RunRoundAsync(TimeSpan? budget = null, CancellationToken cancellationToken = default)
    {
        var deadline = budget is { } length ? time.GetUtcNow() + length : DateTimeOffset.MaxValue;
        var due = await DueAsync(cancellationToken);
        var answers = new List<(SourceLink Link, Answer Answer)>();
        var byHost = due.GroupBy(link => new Uri(link.Address).Host, StringComparer.OrdinalIgnoreCase);
        await Parallel.ForEachAsync(byHost, new ParallelOptions { MaxDegreeOfParallelism = HostsAtOnce, CancellationToken = cancellationToken },
            async (host, token) =>
            {
                var first = true;
                foreach (var link in host)
                {
                    if (time.GetUtcNow() >= deadline)
                    {
                        break;
                    }
                    if (!first)
                    {
                        await Task.Delay(TimeSpan.FromSeconds(options.Value.PerHostSeconds), time, token);
                    }
                    first = false;
                    var answer = await AskAsync(link.Address, token);
                    lock (answers)
                    {
                        answers.Add((link, answer));
                    }
                }
            });
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (link, answer) in answers)
        {
            Record(link, answer, now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return answers.Count;
    }

    /// <summary>
    /// The addresses published terms cite that are due a check, oldest answer first. Addresses
    /// no term cites any more are forgotten; new ones are added, never yet checked.
    /// </summary>
    private async Task<List<SourceLink>> DueAsync(CancellationToken cancellationToken)
    {
        var cited = (await db.Terms.AsNoTracking().Where(term => term.Status == TermStatus.Published).Select(term => term.Sources).ToListAsync(cancellationToken))
            .SelectMany(sources => sources).Select(source => source.WebAddress).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var known = await db.SourceLinks.ToListAsync(cancellationToken);
        db.SourceLinks.RemoveRange(known.Where(link => !cited.Contains(link.Address)));
        var knownAddresses = known.Select(link => link.Address).ToHashSet(StringComparer.Ordinal);
        var added = cited.Where(address => !knownAddresses.Contains(address)).Select(address => new SourceLink { Address = address }).ToList();
        db.SourceLinks.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        var stale = time.GetUtcNow().UtcDateTime.AddHours(-options.Value.EveryHours);
        return [.. known.Where(link => cited.Contains(link.Address)).Concat(added)
            .Where(link => link.CheckedAt is null || link.CheckedAt < stale)
            .OrderBy(link => link.CheckedAt ?? DateTime.MinValue)
            .Take(options.Value.PerRound)];
    }

    /// <summary>What an address answered: a status, or no answer and why; <see cref="Answer.Refused"/> when the site asked us to wait.</summary>
    private sealed record Answer(int? Status, string? Problem, bool Refused = false)
    {
        public bool Works => Problem is null;
    }

    private async Task<Answer> AskAsync(string address, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(ClientName);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
            var status = await StatusAsync(client, HttpMethod.Head, address, timeout.Token);
            // Some servers refuse HEAD, or answer it wrongly; a GET of the headers settles it.
            if (status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                status = await StatusAsync(client, HttpMethod.Get, address, timeout.Token);
            }
            var code = (int)status;
            return status == HttpStatusCode.TooManyRequests ? new Answer(code, null, Refused: true)
                : code < 400 ? new Answer(code, null)
                : new Answer(code, $"answered {code} {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Answer(null, $"no answer within {options.Value.TimeoutSeconds} seconds");
        }
        catch (HttpRequestException error)
        {
            return new Answer(null, error.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => "no such host",
                HttpRequestError.SecureConnectionError => "its secure connection failed",
                HttpRequestError.ConnectionError when error.InnerException is PrivateAddressException => "it is on a private network, which the check does not follow",
                HttpRequestError.ConnectionError => "the connection failed",
                _ => "the request failed",
            });
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, HttpMethod method, string address, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, address);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return response.StatusCode;
    }

    private void Record(SourceLink link, Answer answer, DateTime now)
    {
        if (answer.Refused)
        {
            // Asked to come back later: neither working nor broken, so ask again next round.
            return;
        }
        (link.CheckedAt, link.Status, link.Problem) = (now, answer.Status, answer.Problem);
        if (answer.Works)
        {
            (link.Failures, link.BrokenSince) = (0, null);
            return;
        }
        link.Failures++;
        if (link.Failures >= options.Value.FailuresBeforeFlag && link.BrokenSince is null)
        {
            link.BrokenSince = now;
            LogBroken(link.Address, answer.Problem!);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A source address stopped answering: {Address} ({Problem})")]
    private partial void LogBroken(string address, string problem);

    /// <summary>
    /// The link check's HTTP handler: redirects followed a few times, and connections to this
    /// machine or a private network refused unless allowed.
    /// </summary>
    public static SocketsHttpHandler Handler(SourceLinkOptions options) => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = 5,
        // Through a proxy the connection below would be to the proxy, and the address check moot.
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
            var allowed = addresses.Where(address => options.AllowPrivateAddresses || !IsPrivate(address)).ToArray();
            if (allowed.Length == 0)
            {
                throw new PrivateAddressException();
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>Loopback, private, link-local and unique-local addresses: this machine and its neighbours.</summary>
    internal static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }
        var bytes = address.GetAddressBytes();
        return bytes[0] == 10
            || (bytes[0] == 172 && bytes[1] >= 16 && bytes[1] <= 31)
            || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 169 && bytes[1] == 254)
            || (bytes[0] == 100 && bytes[1] >= 64 && bytes[1] <= 127)
            || bytes[0] == 0;
    }

    private sealed class PrivateAddressException() : Exception("The host is on a private network.");
}
