using System.Net;
using System.Xml.Linq;
using HotPapers.Arxiv;
using HotPapers.Domain;
using HotPapers.Importing;
using HotPapers.Store;

namespace HotPapers.Tests.Arxiv;

/// <summary>Paths to the recorded arXiv responses, and a router that answers from them like arXiv would.</summary>
public static class ArxivFixtures
{
    public static readonly DateOnly Day = new(2020, 10, 27);

    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "data", "arxiv", relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The seed post whose first paper the collector must reproduce byte for byte.</summary>
    public static ImportedPost Seed()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "seeds", "2020-10-27---Hot-Papers.md");
        return HotPapersPostParser.Parse(path, File.ReadAllText(path));
    }

    /// <summary>
    /// Answers listing pages from <c>listing/&lt;layout&gt;/</c> by target and <c>skip</c>, and API requests with the
    /// entries of <paramref name="apiFeed"/> that were asked for (the recorded bytes of each entry, the others cut).
    /// </summary>
    public static Func<HttpListenerRequest, FakeResponse> Router(string layout, string apiFeed, Func<HttpListenerRequest, FakeResponse?>? before = null) => request =>
    {
        if (before?.Invoke(request) is { } early) return early;
        var path = request.Url!.AbsolutePath;
        if (path.StartsWith("/list/", StringComparison.Ordinal) && path.EndsWith("/pastweek", StringComparison.Ordinal))
        {
            var target = path.Split('/')[2];
            var file = PathOf($"listing/{layout}/{target}-pastweek-skip{request.QueryString["skip"]}.html");
            return File.Exists(file) ? FakeResponse.Ok(File.ReadAllText(file)) : new FakeResponse(404, "no such page");
        }
        if (path == "/api/query")
        {
            var ids = (request.QueryString["id_list"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (request.QueryString["max_results"] != ids.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
                return new FakeResponse(400, "max_results must equal the number of ids in this fake");
            return FakeResponse.Ok(FeedFor(Read($"api/{apiFeed}"), ids));
        }
        return new FakeResponse(404, "unknown path " + path);
    };

    /// <summary>The recorded feed with only the entries whose ids were requested; order as recorded.</summary>
    public static string FeedFor(string recorded, IReadOnlyCollection<string> ids)
    {
        var doc = XDocument.Parse(recorded, LoadOptions.PreserveWhitespace);
        var atom = ApiFeedParser.Atom;
        foreach (var entry in doc.Root!.Elements(atom + "entry").ToList())
        {
            var id = entry.Element(atom + "id")!.Value;
            if (!ids.Any(i => id.EndsWith("/abs/" + i + "v1", StringComparison.Ordinal))) entry.Remove();
        }
        return doc.Declaration + "\n" + doc.Root.ToString(SaveOptions.DisableFormatting);
    }

    public static ArxivOptions Options(string baseUrl) => new()
    {
        ListingBaseUrl = baseUrl,
        ApiBaseUrl = baseUrl + "/api/query",
        RssBaseUrl = baseUrl,
        OaiBaseUrl = baseUrl + "/oai",
        ListingPageSize = 25,
        RequestSpacing = TimeSpan.Zero,
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
        RequestTimeout = TimeSpan.FromSeconds(10),
    };

    public static (ArxivCollector Collector, ArxivHttp Http, HttpMessageHandler Client) Collector(HotPapersStore store, ArxivOptions options, AnnouncementSourceKind source = AnnouncementSourceKind.Listing)
    {
        var client = new SocketsHttpHandler();
        var http = new ArxivHttp(client, options, TimeProvider.System);
        var collector = new ArxivCollector(store, AnnouncementSource.Create(source, http, options), new ArxivApiClient(http, options), options, TimeProvider.System);
        return (collector, http, client);
    }

    public static string TempDb() => Path.Combine(Path.GetTempPath(), $"hotpapers-arxiv-{Guid.NewGuid():N}.db");

    public static IReadOnlyList<Paper> StoredPapers(HotPapersStore store, DateOnly day) =>
        store.LoadCandidates(DigestWindow.Day(day), TimeZoneInfo.Utc).Papers.Select(p => p.Paper).ToList();
}
