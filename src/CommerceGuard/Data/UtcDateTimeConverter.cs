using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommerceGuard.Data;

/// <summary>Stores times as UTC and reads them back marked as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    time => time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime(),
    time => DateTime.SpecifyKind(time, DateTimeKind.Utc));
