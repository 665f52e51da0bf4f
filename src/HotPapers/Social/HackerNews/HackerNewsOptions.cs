namespace HotPapers.Social.HackerNews;

/// <summary>Hacker News settings (section <c>HackerNews</c>).</summary>
public sealed record HackerNewsOptions
{
    public const string DefaultApiBaseUrl = "https://hn.algolia.com/api/v1";

    /// <summary>The Algolia HN Search API root (<c>HackerNews:ApiBaseUrl</c>).</summary>
    public Uri ApiBaseUrl { get; init; } = new(DefaultApiBaseUrl);

    /// <summary>Searched in the URL attribute only; every hit is then checked by the arXiv finder.</summary>
    public string Query { get; init; } = "arxiv.org";

    /// <summary>The day is searched in slices of this length; a slice that hits Algolia's cap is halved.</summary>
    public TimeSpan Slice { get; init; } = TimeSpan.FromHours(6);

    public int HitsPerPage { get; init; } = 200;

    /// <summary>Algolia returns at most this many hits per query; a slice with more is split.</summary>
    public int MaxHitsPerQuery { get; init; } = 1000;

    /// <summary>Slices are never split below this.</summary>
    public TimeSpan MinSlice { get; init; } = TimeSpan.FromMinutes(1);
}
