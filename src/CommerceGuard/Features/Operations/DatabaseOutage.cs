using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CommerceGuard.Features.Operations;

/// <summary>
/// Tells a database that cannot be reached (stopped, restarting, out of connections, locked)
/// from a fault in our own code. Readers then get a "back soon" page with 503 and Retry-After,
/// rather than "something went wrong", and a load balancer knows to try again.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>How long a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public static bool IsOutage(Exception? error)
    {
        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException || IsUnreachable(cause as DbException))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsUnreachable(DbException? error) => error switch
    {
        // Class 08 is "connection exception"; 57P0x the server shutting down or starting; 53300 too many connections.
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is "57P01" or "57P02" or "57P03" or "53300",
        NpgsqlException npgsql => npgsql.IsTransient,
        // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN: another process holds the file, or it cannot be opened.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 14,
        _ => false,
    };

    /// <summary>
    /// The database could not write for want of disk space: SQLite's SQLITE_FULL ("database or
    /// disk is full"), PostgreSQL's disk_full. Unlike a lost connection there is no doubt: the
    /// write was undone whole, and reads still work, so the writer can be told that nothing was
    /// saved and keep what they wrote, rather than being told their change clashed with another.
    /// </summary>
    public static bool IsOutOfSpace(Exception? error)
    {
        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            if (cause is SqliteException { SqliteErrorCode: 13 } or PostgresException { SqlState: "53100" })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Marks a response as the outage's: 503, and when to try again.</summary>
    public static void Answer(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
