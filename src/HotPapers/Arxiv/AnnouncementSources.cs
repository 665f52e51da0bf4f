using HotPapers.Http;

namespace HotPapers.Arxiv;

/// <summary>Where the list of a day's papers comes from: the listing pages, the daily feeds or OAI-PMH.</summary>
public interface IAnnouncementSource
{
    string Name { get; }

    /// <summary>The papers listed in <paramref name="target"/> on <paramref name="date"/>, in listing order (replacements included, marked).</summary>
    Task<TargetListing> ListAsync(string target, DateOnly date, CancellationToken cancellation);
}

/// <summary>A source cannot answer for the asked date (outside the pastweek window, an RSS feed of another day, an OAI error).</summary>
public sealed class ArxivSourceException(string message) : SourceException("arxiv", message, isTransient: false);

public enum AnnouncementSourceKind
{
    Listing,
    Rss,
    Oai,
}

public static class AnnouncementSource
{
    public static IAnnouncementSource Create(AnnouncementSourceKind kind, ArxivHttp http, ArxivOptions options) => kind switch
    {
        AnnouncementSourceKind.Listing => new ListingSource(http, options),
        AnnouncementSourceKind.Rss => new RssSource(http, options),
        AnnouncementSourceKind.Oai => new OaiSource(http, options),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
