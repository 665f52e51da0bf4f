using System.Text.Json.Nodes;
using HotPapers.Domain;
using HotPapers.Importing.Tweets;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Importing;

/// <summary>
/// Each format's reader on the samples of external-formats.md §4.5–4.7 (data/imports; REAL unless the name or the
/// spec says assembled), and the original tool's file assembled from the published post of 2020-10-27.
/// </summary>
public class TweetSampleTests
{
    private static string Sample(string name) => TestData.PathOf("imports", name);

    private static PostEntity Entity(ImportedTweet tweet, EntityKind kind, string value) =>
        Assert.Single(tweet.Post.Entities, e => e.Kind == kind && e.Value == value);

    /// <summary>The text an entity covers, counted in code points as SocialPost says.</summary>
    private static string Covered(ImportedTweet tweet, PostEntity e)
    {
        var runes = tweet.Post.Text.EnumerateRunes().ToArray();
        return string.Concat(runes[e.Start..e.End].Select(r => r.ToString()));
    }

    [Fact]
    public void A_twarc_search_page_yields_the_retweet_and_its_original_with_authors_from_includes()
    {
        var read = ReadOutcome.OfFile(Sample("x-v2-twarc-search-page.json"));
        Assert.Equal(TweetFormat.XV2, read.Format);
        Assert.Empty(read.Problems);
        Assert.Equal(["1394735776701816833", "1391677057810288641"], read.Ids);
        var retweet = read.Post("1394735776701816833");
        Assert.Equal(("LachiVeronica", "Veronica Lachi", "und"), (retweet.Post.AuthorHandle, retweet.Post.AuthorName, retweet.Post.Lang));
        Assert.Equal("1391677057810288641", retweet.Post.RepostOf);
        Assert.Equal(new DateTimeOffset(2021, 5, 18, 19, 24, 56, TimeSpan.Zero), retweet.Post.CreatedAt);
        Assert.Equal("@bibaigna96", Covered(retweet, Entity(retweet, EntityKind.Mention, "bibaigna96")));
        Assert.Equal("#POIUYTREWQ", Covered(retweet, Entity(retweet, EntityKind.Hashtag, "POIUYTREWQ")));
        var original = read.Post("1391677057810288641");
        Assert.Equal(("bibaigna96", (int?)1, (int?)0), (original.Post.AuthorHandle, original.Reposts, original.Likes));
        Assert.Null(original.Post.RepostOf);
        Assert.All(read.Tweets, t => Assert.Empty(t.Papers));
    }

    [Fact]
    public void Url_offsets_count_code_points_past_astral_emoji()
    {
        var read = ReadOutcome.OfFile(Sample("x-v2-reply-with-url-metadata.json"));
        Assert.Empty(read.Problems);
        var reply = Assert.Single(read.Tweets);
        var url = Entity(reply, EntityKind.Url, "https://t.co/C73mC2F5nY");
        Assert.Equal((217, 240), (url.Start, url.End));
        Assert.Equal("https://t.co/C73mC2F5nY", Covered(reply, url));
        Assert.Equal("https://uiadrian.gumroad.com/l/web-design-guide/?offer_code=twk0uc9f7", url.Expanded);
        Assert.Equal(((int?)2, (int?)13), (reply.Reposts, reply.Likes));
        Assert.Equal("i", reply.Post.AuthorHandle); // no includes: the author is unknown, x.com/i/status/<id> still resolves
    }

    [Fact]
    public void Cashtags_hashtags_and_a_media_link_keep_their_places()
    {
        // The spec's excerpt has no id: give it one, as the API would.
        var json = JsonNode.Parse(File.ReadAllText(Sample("x-v2-cashtags-excerpt.json")))!.AsObject();
        json["id"] = "1611077073803841538";
        var read = ReadOutcome.OfText("cashtags.json", json.ToJsonString(), TweetFormat.XV2);
        Assert.Empty(read.Problems);
        var tweet = Assert.Single(read.Tweets);
        foreach (var (tag, start, end) in new[] { ("AMD", 176, 180), ("BTC", 191, 195), ("TWTR", 197, 202) })
        {
            var e = Entity(tweet, EntityKind.Cashtag, tag);
            Assert.Equal((start, end, "$" + tag), (e.Start, e.End, Covered(tweet, e)));
        }
        Assert.Equal("#business", Covered(tweet, Entity(tweet, EntityKind.Hashtag, "business")));
        var media = Entity(tweet, EntityKind.Media, "https://t.co/XfSUInZb0t");
        Assert.Equal("pic.twitter.com/XfSUInZb0t", media.Display);
        // No created_at in the excerpt: the Snowflake id gives the time.
        Assert.Equal(2023, tweet.Post.CreatedAt.Year);
    }

    [Fact]
    public void The_minimal_tweepy_page_has_posts_without_counts()
    {
        var read = ReadOutcome.OfFile(Sample("x-v2-tweepy-minimal.jsonl"));
        Assert.Equal(TweetFormat.XV2, read.Format);
        Assert.Equal(["1578516068309794817", "1578515564971970560"], read.Ids);
        Assert.All(read.Tweets, t => Assert.False(t.HasCounts));
        Assert.Equal(new DateTimeOffset(2022, 10, 7, 22, 42, 12, 752, TimeSpan.Zero), read.Tweets[0].Post.CreatedAt);
    }

    [Fact]
    public void The_arxiv_search_links_its_paper_and_carries_its_counts()
    {
        var read = ReadOutcome.OfFile(Sample("x-v2-arxiv-search.json"));
        var tweet = Assert.Single(read.Tweets);
        Assert.Equal([ArxivId.Parse("2010.13581")], tweet.Papers);
        Assert.Equal(((int?)235, (int?)1482), (tweet.Reposts, tweet.Likes));
        Assert.Equal(("andrewgwils", "Andrew Gordon Wilson"), (tweet.Post.AuthorHandle, tweet.Post.AuthorName));
        Assert.Null(tweet.MeasuredAt); // a plain API page does not say when it was fetched
    }

    [Fact]
    public void A_v1_status_reads_its_time_author_url_and_counts()
    {
        var read = ReadOutcome.OfFile(Sample("x-v1-lemonde.jsonl"));
        Assert.Equal(TweetFormat.XV1, read.Format);
        Assert.Empty(read.Problems);
        var status = Assert.Single(read.Tweets);
        Assert.Equal(("1226376436388376576", "lemondefr", "Le Monde", "fr"), (status.Post.PostId, status.Post.AuthorHandle, status.Post.AuthorName, status.Post.Lang));
        Assert.Equal(new DateTimeOffset(2020, 2, 9, 5, 25, 2, TimeSpan.Zero), status.Post.CreatedAt);
        var url = Entity(status, EntityKind.Url, "https://t.co/NovMuwncTY");
        Assert.Equal((83, 106), (url.Start, url.End));
        Assert.StartsWith("https://www.lemonde.fr/planete/article/2020/02/09/", url.Expanded);
        Assert.Equal(((int?)53, (int?)52), (status.Reposts, status.Likes));
    }

    [Fact]
    public void V1_media_after_the_display_range_becomes_a_media_link()
    {
        // The spec's fragment, completed into a status; its extended_entities repeat the same media object.
        var fragment = File.ReadAllText(Sample("x-v1-media-fragment.txt")).Trim();
        fragment = fragment[..fragment.IndexOf(",\"extended_entities\"", StringComparison.Ordinal)];
        var status = "{\"id_str\":\"1534684542304256000\",\"created_at\":\"Wed Jun 08 23:49:39 +0000 2022\",\"user\":{\"id_str\":\"34743251\",\"name\":\"SpaceX\",\"screen_name\":\"SpaceX\"}," + fragment + "}";
        var read = ReadOutcome.OfText("spacex.jsonl", status);
        Assert.Equal(TweetFormat.XV1, read.Format);
        Assert.Empty(read.Problems);
        var tweet = Assert.Single(read.Tweets);
        var media = Entity(tweet, EntityKind.Media, "https://t.co/HidKNqRXtO");
        Assert.Equal((107, 130, "pic.twitter.com/HidKNqRXtO"), (media.Start, media.End, media.Display));
    }

    [Fact]
    public void Twint_lines_take_time_from_the_id_and_the_handle_from_the_link()
    {
        var read = ReadOutcome.OfFile(Sample("twint-2021.jsonl"));
        Assert.Equal(TweetFormat.Twint, read.Format);
        Assert.Empty(read.Problems);
        Assert.Equal(["1438063287002861572", "1527615131785510913"], read.Ids);
        var first = read.Tweets[0];
        // "2021-09-15 04:53:00 EDT" on the scraping machine is 08:53 UTC; the Snowflake adds the milliseconds.
        Assert.Equal(new DateTimeOffset(2021, 9, 15, 8, 53, 0, 202, TimeSpan.Zero), first.Post.CreatedAt);
        Assert.Equal(("alex_elgato93", "Alexandros Elgato", "being on the run kinda sucks tbh... 🥱🥱"), (first.Post.AuthorHandle, first.Post.AuthorName, first.Post.Text));
        var second = read.Tweets[1];
        // twint lowercased the hashtags; the entity keeps the case typed in the text.
        Assert.Equal("#Bitcoin", Covered(second, Entity(second, EntityKind.Hashtag, "Bitcoin")));
        Assert.Equal("@fibitpro", Covered(second, Entity(second, EntityKind.Mention, "fibitpro")));
        Assert.Equal("https://t.co/xIkCqQjglF", Covered(second, Entity(second, EntityKind.Url, "https://t.co/xIkCqQjglF")));
        Assert.EndsWith("#BNB https://t.co/xIkCqQjglF", second.Post.Text); // twint's doubled space before the link is undone
        Assert.Equal(((int?)0, (int?)0), (second.Reposts, second.Likes));
        Assert.All(read.Tweets, t => Assert.Equal(PostSource.Embed, t.Source)); // mangled text never overwrites an API copy
    }

    [Fact]
    public void The_original_tools_file_links_each_embed_to_its_paper_with_its_counts()
    {
        var read = ReadOutcome.OfFile(Sample("original-papers_with_tweets.json"));
        Assert.Equal(TweetFormat.Original, read.Format);
        Assert.Empty(read.Problems);
        Assert.Equal(["1320900424820510720", "1321099555555971072", "1320902933144391680", "1321018663705653248"], read.Ids);
        var first = read.Tweets[0];
        Assert.Equal(PostSource.Embed, first.Source);
        Assert.Equal([ArxivId.Parse("2010.13581")], first.Papers);
        Assert.Equal(((int?)1482, (int?)235), (first.Reposts, first.Likes));
        Assert.Equal(new DateTimeOffset(2020, 10, 28, 9, 50, 30, TimeSpan.Zero), first.MeasuredAt);
        Assert.StartsWith("<blockquote class=\"twitter-tweet\"><p lang=\"en\" dir=\"ltr\">We can greatly simplify", first.EmbedHtml);
        Assert.Equal([ArxivId.Parse("2010.13154")], read.Tweets[1].Papers);
    }

    [Fact]
    public void Importing_every_sample_stores_posts_links_and_snapshots_and_a_second_import_changes_nothing()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var importer = new TweetImporter(store, new TweetImportOptions { KeepUnlinked = true, MeasuredAt = new DateTimeOffset(2023, 2, 1, 0, 0, 0, TimeSpan.Zero) });
        var files = new[] { "x-v2-twarc-search-page.json", "x-v2-reply-with-url-metadata.json", "x-v2-tweepy-minimal.jsonl", "x-v2-arxiv-search.json", "x-v1-lemonde.jsonl", "twint-2021.jsonl", "original-papers_with_tweets.json" };
        var problems = new List<ImportProblem>();
        var results = files.Select(f => importer.ImportFile(Sample(f), null, problems.Add)).ToList();
        Assert.Empty(problems);
        Assert.Equal([2, 1, 2, 1, 1, 2, 4], results.Select(r => r.Posts));
        var counts = store.RowCounts();
        Assert.Equal(12, counts["social_posts"]); // 13 read: the arXiv search's post is also in the original tool's file
        Assert.Equal(11, counts["engagement_snapshots"]); // the tweepy page has no counts
        Assert.Equal(4, counts["embeds"]); // the original tool kept the embed HTML
        Assert.Contains(("1320900424820510720", "2010.13581"), StoreQueries.Mentions(store));
        Assert.Contains(("1320900424820510720", 235L, 1482L, "2023-02-01T00:00:00.000Z"), StoreQueries.Snapshots(store));
        Assert.Contains(("1320900424820510720", 1482L, 235L, "2020-10-28T09:50:30.000Z"), StoreQueries.Snapshots(store));

        foreach (var f in files) importer.ImportFile(Sample(f), null, problems.Add);
        Assert.Equal(counts, store.RowCounts());
    }

    [Fact]
    public void Posts_linking_no_paper_are_skipped_unless_asked_for()
    {
        using var temp = new TempStore();
        using var store = temp.Open();
        var result = new TweetImporter(store).ImportFile(Sample("x-v2-twarc-search-page.json"), null, _ => { });
        Assert.Equal((0, 2), (result.Posts, result.Unlinked));
        Assert.Equal(0, store.RowCounts()["social_posts"]);
    }
}
