using System.Text.Json;
using System.Text.RegularExpressions;
using CsCheck;
using HotPapers.Arxiv;
using Xunit;

namespace HotPapers.Tests.Arxiv.Extraction;

/// <summary>
/// <see cref="ArxivIdExtractor.TryExtractFromUrl"/>, the entry point for link fields, against the general extractor:
/// it may only differ on an http(s) URL that holds an arXiv DOI prefix or a token boundary (a space, bracket or quote),
/// and on every URL the product's recordings and fixtures hold it must not differ at all.
/// </summary>
public partial class ArxivIdExtractorUrlTests
{
    private static readonly Gen<string> Scheme = Gen.OneOf("https://", "http://", "HTTPS://", "Http://", "//", "", "https:/", "httpſ://");

    private static readonly Gen<string> Host = Gen.OneOf("arxiv.org", "www.arxiv.org", "export.arxiv.org", "ARXIV.ORG", "ar5iv.org",
        "ar5iv.labs.arxiv.org", "alphaxiv.org", "www.alphaxiv.org", "huggingface.co", "hf.co", "www.hf.co", "papers.cool", "scirate.com",
        "www.scirate.com", "xxx.lanl.gov", "semanticscholar.org", "api.semanticscholar.org", "doi.org", "dx.doi.org", "DOI.ORG", "github.com",
        "t.co", "x.com", "scholar.example.com", "arxiv.org.example.com", "notarxiv.org", "en.wikipedia.org", "a.co", "news.cool", "b.gov",
        "arxıv.org", "scıraté.com", "a(b.arxiv.org", "a b.arxiv.org", "é.arxiv.org", "10.48550.arxiv.org", "",
        // Hosts longer than one vector compare, upper case, a host with a scheme-like run, one ending in 'g' that is no resolver.
        "colab.research.google.com", "proceedings.neurips.cc", "www.semanticscholar.org", "WWW.ARXIV.ORG", "Arxiv.org", "AlphaXiv.org",
        "a.b.c.d.e.f.g.h.arxiv.org", "https:", "doi.org.example.org", "xdoi.org", "blog");

    private static readonly Gen<string> Path = Gen.OneOf("/abs/", "/pdf/", "/html/", "/overview/", "/papers/", "/arxiv/", "/graph/v1/paper/",
        "/abs/arXiv:", "/10.48550/arXiv.", "/?q=10.48550/arXiv.", "/x/", "/", "?x=/abs/", "#/abs/", "/wiki/Foo_(", "/a b/", "/'", "/\"", "/ABS/", "/list/", "/hep-th/", "/abs/hep-th/", "/abs.x/", "/e-print/", "",
        "/Abs/", "/PDF/", "/ab/", "/abs", "/pdf//", "/html/arXiv:", "/ARXIV:", "/abs/ARXIV:");

    private static readonly Gen<string> Id = Gen.OneOf("2010.13581", "1412.7878", "hep-th/9901001", "math.GT/0309136", "2010.13581v2",
        "1313.12345", "arXiv:2010.13581", "https://arxiv.org/abs/2101.00001", "2608.glm-1", "1501.1234", "0704.0001v0", "2010.13581/2101.00001", "9901001", "",
        // Near misses of the new-style check: digit counts, all zeros, the scheme's first and last months, a month 00 or 13.
        "2010.1358", "2010.135811", "2010.00000", "1412.0000", "1412.12345", "1501.00001", "0703.1234", "0704.0001", "9912.99999",
        "2000.12345", "2013.12345", "20a0.12345", "2010.1234a", "2010.", "2010", "１２３４.12345");

    private static readonly Gen<string> Tail = Gen.OneOf("", "v3", ".pdf", "?context=cs", "#S3", ")", " 2101.00002", "(2101.00003)",
        "/10.48550/arXiv.2101.00004", "*", "|2101.00005");

    private static readonly Gen<string> Url = Gen.Select(Scheme, Host, Path, Id, Tail, (s, h, p, i, t) => s + h + p + i + t);

    [Fact]
    public void A_URL_differs_from_the_general_scan_only_when_it_holds_a_DOI_prefix_or_a_token_boundary()
    {
        Url.Sample(url =>
        {
            var general = ArxivIdExtractor.ExtractAll(url);
            var fromUrl = ArxivIdExtractor.ExtractAllFromUrl(url);
            var first = ArxivIdExtractor.TryExtract(url, out var a) ? a : default(ArxivLink?);
            var firstFromUrl = ArxivIdExtractor.TryExtractFromUrl(url, out var b) ? b : default(ArxivLink?);
            if (general.SequenceEqual(fromUrl) && first == firstFromUrl) return true;
            // What the host dispatch gives up, and nothing else; and then it gives nothing, never another id.
            return fromUrl.Count == 0 && firstFromUrl is null
                && (url.Contains("10.48550/", StringComparison.Ordinal) || url.Any(IsTokenBoundary));
        }, iter: 50_000, print: url => $"\"{url}\"");
    }

    /// <summary>
    /// Exactly: the first link <see cref="ArxivIdExtractor.ExtractAllFromUrl"/> finds, or none. The entry point's inline
    /// host dispatch and its direct paths for paper links must reach the general scan's answer wherever the host does
    /// not rule a URL out, version and kind included.
    /// </summary>
    [Fact]
    public void The_URL_entry_point_gives_the_first_link_of_ExtractAllFromUrl()
    {
        Url.Sample(url =>
        {
            var all = ArxivIdExtractor.ExtractAllFromUrl(url);
            return ArxivIdExtractor.TryExtractFromUrl(url, out var link) ? all.Count > 0 && all[0] == link : all.Count == 0;
        }, iter: 50_000, print: url => $"\"{url}\"");
    }

    [Theory]
    [InlineData("https://arxiv.org/abs/2010.13581v2", "2010.13581")]
    [InlineData("https://doi.org/10.48550/arXiv.2010.13581", "2010.13581")]
    [InlineData("https://dx.doi.org/10.48550/arXiv.2010.13581", "2010.13581")]
    [InlineData("arxiv.org/abs/2010.13581", "2010.13581")]
    [InlineData("https://huggingface.co/papers/2010.13581", "2010.13581")]
    [InlineData("https://www.scirate.com/arxiv/2010.13581", "2010.13581")]
    public void Paper_links_give_their_id(string url, string id)
    {
        Assert.True(ArxivIdExtractor.TryExtractFromUrl(url, out var link), url);
        Assert.Equal(id, link.Id.Value);
    }

    [Theory]
    [InlineData("https://scholar.example.com/?q=10.48550/arXiv.2010.13581")]
    [InlineData("https://en.wikipedia.org/wiki/Foo_(2010.13581)")]
    public void What_the_host_dispatch_gives_up(string url)
    {
        Assert.True(ArxivIdExtractor.TryExtract(url, out _), "the general scan finds it");
        Assert.False(ArxivIdExtractor.TryExtractFromUrl(url, out _), "the URL entry point does not");
    }

    [Theory]
    [InlineData("https://news.example.com/?u=https://arxiv.org/abs/2010.13581")]
    [InlineData("https://github.com/someone/2010.13581")]
    [InlineData("https://t.co/2010.13581")]
    public void A_paper_wrapped_in_another_sites_URL_is_found_by_neither(string url)
    {
        Assert.False(ArxivIdExtractor.TryExtract(url, out _));
        Assert.False(ArxivIdExtractor.TryExtractFromUrl(url, out _));
    }

    /// <summary>
    /// Every URL in the recorded exchanges, the seeds and the source fixtures (JSON string values, and every http(s) run
    /// in any text, also inside HTML and nested JSON bodies) gives the same links either way.
    /// </summary>
    [Fact]
    public void Every_URL_in_the_recordings_and_fixtures_gives_the_same_links_either_way()
    {
        var root = System.IO.Path.Combine(AppContext.BaseDirectory, "data");
        var urls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            foreach (var text in Texts(file))
                CollectUrls(text, urls);

        var withPapers = 0;
        foreach (var url in urls)
        {
            var general = ArxivIdExtractor.ExtractAll(url);
            Assert.True(general.SequenceEqual(ArxivIdExtractor.ExtractAllFromUrl(url)),
                $"{url}: general [{string.Join(", ", general)}], URL entry point [{string.Join(", ", ArxivIdExtractor.ExtractAllFromUrl(url))}]");
            if (general.Count > 0) withPapers++;
        }
        // Not a vacuous pass: the recordings hold about 1,800 distinct links, over 500 of them to papers.
        Assert.True(urls.Count > 1_500 && withPapers > 400, $"{urls.Count} URLs, {withPapers} with papers");
    }

    private static IEnumerable<string> Texts(string file)
    {
        var text = File.ReadAllText(file);
        yield return text;
        var lines = file.EndsWith(".jsonl", StringComparison.Ordinal) ? text.Split('\n')
            : file.EndsWith(".json", StringComparison.Ordinal) ? [text] : [];
        // A recorded exchange's own "url" is the request HotPapers made (an API query), never a link a post carries.
        var isExchange = System.IO.Path.GetFileName(file) == "exchanges.jsonl";
        foreach (var line in lines)
            foreach (var s in JsonStrings(line, skipRootUrl: isExchange))
                yield return s;
    }

    /// <summary>Every string value of a JSON document, and of JSON documents nested in them (recorded response bodies).</summary>
    private static IEnumerable<string> JsonStrings(string json, bool skipRootUrl = false)
    {
        if (json.Length == 0 || json[0] is not ('{' or '[')) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            var found = new List<string>();
            Walk(doc.RootElement, found, skipRootUrl);
            return found.Concat(found.SelectMany(s => JsonStrings(s))).ToList();
        }
        catch (JsonException)
        {
            return [];
        }

        static void Walk(JsonElement e, List<string> found, bool skipUrl)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String: found.Add(e.GetString()!); break;
                case JsonValueKind.Object:
                    foreach (var p in e.EnumerateObject())
                        if (!(skipUrl && p.NameEquals("url"))) Walk(p.Value, found, false);
                    break;
                case JsonValueKind.Array: foreach (var x in e.EnumerateArray()) Walk(x, found, false); break;
            }
        }
    }

    private static void CollectUrls(string text, HashSet<string> urls)
    {
        if (text.StartsWith("http", StringComparison.OrdinalIgnoreCase)) urls.Add(text);
        foreach (Match m in UrlRun().Matches(text))
        {
            urls.Add(m.Value);
            urls.Add(m.Value.Replace("&amp;", "&", StringComparison.Ordinal));
        }
    }

    [GeneratedRegex(@"https?://[^\s""<>\\]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlRun();

    // The extractor's token boundaries (ArxivIdExtractor.IsTokenBoundary).
    private static bool IsTokenBoundary(char c) =>
        char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '<' or '>' or '"' or '\'' or '{' or '}' or '|' or '`' or '*';
}
