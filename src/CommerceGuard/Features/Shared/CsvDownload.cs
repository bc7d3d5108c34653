using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;

namespace CommerceGuard.Features.Shared;

/// <summary>
/// A CSV file to download: RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs
/// read accents right, and cells that a spreadsheet would run as a formula ("=…", "+…") escaped,
/// because readers' comments and volunteers' messages end up in those cells.
/// </summary>
public static class CsvDownload
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static FileContentResult File(string fileName, string[] header, IEnumerable<string?[]> rows)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var row in rows)
            {
                csv.WriteRecord([.. row.Select(cell => cell ?? "")]);
            }
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    /// <summary>A time as a spreadsheet reads it: "2025-04-30 14:05:00" (UTC).</summary>
    public static string Time(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
