using System.CommandLine;
using System.Globalization;
using HotPapers.Store;

namespace HotPapers.Cli;

/// <summary>Options every command understands: where the store is, and what time it is.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string> Db = new("--db")
    {
        Description = "The store: a SQLite file path (default hotpapers.db in the working directory).",
        DefaultValueFactory = _ => HotPapersStore.DefaultFile,
        Recursive = true,
    };

    public static readonly Option<string?> Now = new("--now")
    {
        Description = "Pin the clock: an ISO 8601 time (local wall clock when it has no offset).",
        Recursive = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out _))
                result.AddError($"--now: '{text}' is not an ISO 8601 time such as 2021-06-11T09:50:30");
            return text;
        },
    };

    /// <summary>
    /// Why a command that only reads (render, site build, serve) may not open the store <paramref name="db"/>: a
    /// SQLite file that does not exist would be created empty and silently give an empty post or site. Null when it
    /// may (a PostgreSQL store, or an existing file).
    /// </summary>
    public static string? MissingStore(string db)
    {
        return HotPapersStore.MissingFile(db) is { } file
            ? $"the store {file} does not exist: give --db, or fill it first (import, collect or daily)"
            : null;
    }

    /// <summary>The clock: the real one, or the time pinned with <c>--now</c>.</summary>
    public static TimeProvider Clock(ParseResult parsed, TimeZoneInfo zone)
    {
        var text = parsed.GetValue(Now);
        if (text is null) return TimeProvider.System;
        var instant = DateTimeOffset.TryParseExact(text, ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local.DateTime, zone.GetUtcOffset(local.DateTime))
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
        return new FixedClock(instant);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Local;
    }
}
