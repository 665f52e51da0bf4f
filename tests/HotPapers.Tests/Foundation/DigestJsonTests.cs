using System.Text.Json;
using System.Text.RegularExpressions;
using HotPapers.Publishing;
using HotPapers.Social;
using HotPapers.Testing;

namespace HotPapers.Tests.Foundation;

/// <summary>Acceptance 4: the JSON of a seed day carries the same numbers, ids and text as the post.</summary>
public partial class DigestJsonTests
{
    [Theory]
    [MemberData(nameof(Seeds.AllDates), MemberType = typeof(Seeds))]
    public void The_json_of_a_seed_day_matches_the_post(string date)
    {
        using var fixture = new StoreFixture().ImportSeed(date);
        var json = fixture.Renderer().RenderText(Seeds.Window(date), new RenderOptions { Format = OutputFormat.Json });
        using var doc = JsonDocument.Parse(json);
        var papers = doc.RootElement.GetProperty("papers").EnumerateArray().ToList();
        var seed = Seeds.Text(date);

        // Read the expected values straight from the Markdown with plain patterns, not with the importer.
        var headings = Heading().Matches(seed);
        var stats = Stats().Matches(seed);
        var abs = AbsLink().Matches(seed);
        Assert.Equal(headings.Count, papers.Count);
        Assert.Equal(date, doc.RootElement.GetProperty("date_str").GetString());
        for (var i = 0; i < papers.Count; i++)
        {
            var paper = papers[i];
            Assert.Equal(i + 1, paper.GetProperty("rank").GetInt32());
            Assert.Equal(headings[i].Groups[1].Value, paper.GetProperty("title").GetString());
            Assert.Equal(abs[i].Groups[1].Value, paper.GetProperty("id").GetString());
            Assert.Equal(int.Parse(stats[i].Groups[1].Value), paper.GetProperty("retweets").GetInt32());
            Assert.Equal(int.Parse(stats[i].Groups[2].Value), paper.GetProperty("favorites").GetInt32());
            var measured = DateTime.ParseExact(stats[i].Groups[3].Value, "MM/dd/yyyy HH:mm:ss", null);
            Assert.Equal(measured.ToString("yyyy-MM-ddTHH:mm:ss"), paper.GetProperty("measured_at").GetString());
            var authors = paper.GetProperty("authors").EnumerateArray().Select(a => a.GetString()).ToList();
            Assert.Contains($"\n\n{string.Join(", ", authors)}\n\n- retweets: {stats[i].Groups[1].Value},", seed);
            Assert.Contains($"\n\n{paper.GetProperty("abstract").GetString()}\n\n", seed);
        }

        // Every embed's status id appears in the JSON, in the same order, with its author and plain text.
        var embedIds = StatusLink().Matches(seed).Select(m => (Handle: m.Groups[1].Value, Id: m.Groups[2].Value)).ToList();
        var posts = papers.SelectMany(p => p.GetProperty("posts").EnumerateArray()).ToList();
        Assert.Equal(embedIds.Select(e => e.Id), posts.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(embedIds.Select(e => e.Handle), posts.Select(p => p.GetProperty("handle").GetString()));
        foreach (var post in posts)
        {
            var text = post.GetProperty("text").GetString()!;
            // Every stretch of plain text between links, escaped as oEmbed escapes it and with <br> for newlines,
            // stands in the seed; every linked stretch is shown there as the link text.
            var cursor = 0;
            foreach (var entity in post.GetProperty("entities").EnumerateArray())
            {
                var start = entity.GetProperty("start").GetInt32();
                var end = entity.GetProperty("end").GetInt32();
                Assert.True(cursor <= start && start < end, $"post {post.GetProperty("id")}: entity {start}-{end} after {cursor}");
                AssertShown(seed, CodePoints(text, cursor, start));
                var shown = entity.TryGetProperty("display", out var display) ? display.GetString()! : CodePoints(text, start, end);
                Assert.Contains(">" + TweetHtml.Escape(shown) + "</a>", seed);
                cursor = end;
            }
            AssertShown(seed, CodePoints(text, cursor, int.MaxValue));
        }
    }

    private static void AssertShown(string seed, string plain)
    {
        var html = string.Join("<br>", plain.TrimEnd('\n').Split('\n').Select(TweetHtml.Escape));
        if (html.Length > 0) Assert.Contains(html, seed);
    }

    private static string CodePoints(string text, int from, int to)
    {
        var runes = text.EnumerateRunes().ToList();
        return string.Concat(runes.Skip(from).Take(Math.Min(to, runes.Count) - from).Select(r => r.ToString()));
    }

    [GeneratedRegex(@"(?m)^# \d+\. (.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?m)^- retweets: (\d+), favorites: (\d+) \((.+)\)$")]
    private static partial Regex Stats();

    [GeneratedRegex(@"(?m)^- links: \[abs\]\(https://arxiv\.org/abs/([^)]+)\)")]
    private static partial Regex AbsLink();

    [GeneratedRegex(@"<a href=""https://twitter\.com/([^/]+)/status/(\d+)\?ref_src=twsrc%5Etfw"">")]
    private static partial Regex StatusLink();
}
