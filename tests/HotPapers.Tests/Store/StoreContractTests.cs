using HotPapers.Domain;
using HotPapers.Publishing;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Store;

/// <summary>
/// The behaviour every store backend must have. The same tests run on SQLite and on a real PostgreSQL server
/// (<see cref="PostgresStoreTests"/>), so the two cannot drift apart.
/// </summary>
public abstract class StoreContractTests(StoreBackend backend)
{
    private static readonly DigestWindow Day = DigestWindow.Day(new DateOnly(2021, 6, 10));
    private static readonly DateTimeOffset T0 = new(2021, 6, 11, 8, 0, 0, TimeSpan.Zero);

    [StoreFact]
    public void Opening_applies_every_migration_once()
    {
        using var fixture = new StoreFixture(backend);
        Assert.Equal(backend, fixture.Store.Backend);
        var version = fixture.Store.SchemaVersion;
        Assert.True(version >= 1);
        using var again = fixture.OpenAnother();
        Assert.Equal(version, again.SchemaVersion);
    }

    [StoreFact]
    public void A_batched_unit_of_work_reads_its_own_writes_and_is_stored_whole_or_not_at_all()
    {
        using var fixture = new StoreFixture(backend);
        var paper = APaper("2106.05011", 1);
        fixture.Store.Write(tx => tx.Batched(t =>
        {
            t.Papers.Upsert(paper);
            t.Posts.Upsert(APost("501", null), PostSource.Api);
            Assert.Single(fixture.Store.Papers.HeldIds([paper.Id])); // a read through the store sees the queued writes
            Assert.True(t.Posts.LinkArxiv(SocialPost.X, "501", paper.Id)); // so does a write that counts what it changed
        }));
        Assert.Equal(1, fixture.Store.RowCounts()["paper_posts"]);

        var before = fixture.Store.RowCounts();
        Assert.ThrowsAny<System.Data.Common.DbException>(() => fixture.Store.Write(tx => tx.Batched(t =>
        {
            t.Papers.Upsert(APaper("2106.05012", 2));
            t.Posts.Link(ArxivId.Parse("2106.09998"), SocialPost.X, "501"); // no such paper: refused, here or when the batch is sent
        })));
        Assert.Equal(before, fixture.Store.RowCounts());
    }

    [StoreFact]
    public void A_second_connection_sees_the_same_store()
    {
        using var fixture = new StoreFixture(backend);
        fixture.Store.Write(tx => tx.Papers.Upsert(APaper("2106.05009", 1)));
        using var second = fixture.Store.OpenAnother();
        Assert.NotNull(second);
        Assert.Equal(backend, second.Backend);
        Assert.Single(second.Papers.LoadListed(), p => p.Paper.Id.Value == "2106.05009");
    }

    [StoreFact]
    public void Every_seed_round_trips_through_the_store_byte_for_byte()
    {
        using var fixture = new StoreFixture(backend);
        foreach (var date in Seeds.Dates) fixture.ImportSeed(date);
        foreach (var date in Seeds.Dates)
            Golden.AssertSameText(Seeds.Text(date), fixture.Renderer().RenderText(Seeds.Window(date), new RenderOptions()), $"{backend} {date}");
        var counts = fixture.Store.RowCounts();
        foreach (var date in Seeds.Dates) fixture.ImportSeed(date);
        Assert.Equal(counts, fixture.Store.RowCounts());
        Assert.Equal(103, counts["papers"]);
        Assert.Equal(126, counts["embeds"]);
    }

    [StoreFact]
    public void Totals_are_the_latest_snapshot_of_each_original_and_counts_may_go_down()
    {
        using var fixture = new StoreFixture(backend);
        var paper = APaper("2106.05001", 1);
        fixture.Store.Write(tx =>
        {
            tx.Papers.Upsert(paper);
            foreach (var (id, repostOf) in new[] { ("101", (string?)null), ("102", null), ("103", "101") })
            {
                tx.Posts.Upsert(APost(id, repostOf), PostSource.Api);
                tx.Posts.Link(paper.Id, SocialPost.X, id);
            }
            tx.Posts.AddSnapshot(new EngagementSnapshot(SocialPost.X, "101", 10, 40, T0));
            tx.Posts.AddSnapshot(new EngagementSnapshot(SocialPost.X, "101", 9, 35, T0.AddHours(1))); // an unlike and an un-repost
            tx.Posts.AddSnapshot(new EngagementSnapshot(SocialPost.X, "102", 5, 6, T0.AddMinutes(30)));
            tx.Posts.AddSnapshot(new EngagementSnapshot(SocialPost.X, "103", 100, 100, T0.AddMinutes(40))); // a repost: not counted again
            tx.Posts.AddSnapshot(new EngagementSnapshot(SocialPost.X, "102", 5, 6, T0.AddMinutes(30))); // the same measurement twice
        });
        var candidate = Assert.Single(fixture.Store.LoadCandidates(Day, TimeZoneInfo.Utc).Papers);
        Assert.Equal((14, 41), (candidate.Reposts, candidate.Likes));
        Assert.Equal(T0.AddHours(1).UtcDateTime, candidate.MeasuredAt);
        Assert.Equal(4, fixture.Store.RowCounts()["engagement_snapshots"]);
        Assert.Equal(["103", "102", "101"], candidate.Posts.Select(p => p.Post.PostId)); // newest first
    }

    [StoreFact]
    public void A_post_read_from_embed_html_never_overwrites_one_from_the_api()
    {
        using var fixture = new StoreFixture(backend);
        var paper = APaper("2106.05002", 1);
        var fromApi = APost("201", null) with { Text = "from the API" };
        fixture.Store.Write(tx =>
        {
            tx.Papers.Upsert(paper);
            tx.Posts.Upsert(fromApi, PostSource.Api);
            tx.Posts.Upsert(fromApi with { Text = "from an embed" }, PostSource.Embed);
            tx.Posts.Link(paper.Id, SocialPost.X, "201");
        });
        var post = fixture.Store.LoadCandidates(Day, TimeZoneInfo.Utc).Papers.Single().Posts.Single();
        Assert.Equal("from the API", post.Post.Text);
    }

    [StoreFact]
    public void A_failed_unit_of_work_leaves_nothing_behind()
    {
        using var fixture = new StoreFixture(backend);
        var before = fixture.Store.RowCounts();
        Assert.Throws<InvalidOperationException>(() => fixture.Store.Write(tx =>
        {
            tx.Papers.Upsert(APaper("2106.05003", 1));
            throw new InvalidOperationException("the source failed half-way");
        }));
        Assert.Equal(before, fixture.Store.RowCounts());
    }

    [StoreFact]
    public async Task Concurrent_writers_keep_every_distinct_post_and_every_snapshot()
    {
        using var fixture = new StoreFixture(backend);
        var paper = APaper("2106.05004", 1);
        fixture.Store.Write(tx => tx.Papers.Upsert(paper));
        // Four writers, each with its own connection, upserting overlapping halves of the same 400 posts.
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            using var store = fixture.OpenAnother();
            var first = w % 2 == 0 ? 0 : 200;
            for (var batch = 0; batch < 10; batch++)
            {
                store.Write(tx =>
                {
                    for (var i = first + batch * 20; i < first + batch * 20 + 20 + (w < 2 ? 100 : 0) && i < 400; i++)
                    {
                        var id = (1000 + i).ToString();
                        tx.Posts.Upsert(APost(id, null), PostSource.Api);
                        tx.Posts.Link(paper.Id, SocialPost.X, id);
                        tx.Posts.AddSnapshot(new EngagementSnapshot(SocialPost.X, id, w, i, T0.AddSeconds(w)));
                    }
                });
            }
        })).ToArray();
        await Task.WhenAll(writers);
        var counts = fixture.Store.RowCounts();
        Assert.Equal(400, counts["social_posts"]);
        Assert.Equal(400, counts["paper_posts"]);
        var posts = fixture.Store.LoadCandidates(Day, TimeZoneInfo.Utc).Papers.Single().Posts;
        Assert.Equal(400, posts.Count);
        Assert.All(posts, p => Assert.NotNull(p.Counts));
    }

    [StoreFact]
    public void A_bulk_batch_ends_in_the_same_state_as_the_same_rows_written_one_by_one() => BulkAndOneByOneAgree(repeat: 1);

    [StoreFact]
    public void A_long_bulk_batch_with_each_post_many_times_ends_in_the_same_state_as_one_by_one() => BulkAndOneByOneAgree(repeat: 50);

    /// <param name="repeat">
    /// How often the seven rows come: 50 times makes a batch of 350 rows (longer than the pieces an importer hands
    /// over) with each post many times, from the API and from embeds, each time a little different.
    /// </param>
    private void BulkAndOneByOneAgree(int repeat)
    {
        var paper = APaper("2106.05005", 1);
        var elsewhere = ArxivId.Parse("2106.09999"); // not stored: the mention waits for it
        SocialImportRow Row(string id, string text, PostSource source, int? counts = null, int minute = 0, string? html = null) =>
            new(APost(id, null) with { Text = text }, source, id == "303" ? [elsewhere] : [paper.Id],
                counts is { } c ? new EngagementSnapshot(SocialPost.X, id, c, c + 1, T0.AddMinutes(minute)) : null, html);
        SocialImportRow[] once =
        [
            Row("301", "api 1", PostSource.Api, 1), Row("301", "embed after api", PostSource.Embed, 2), // same measurement twice: the first wins
            Row("302", "embed over api", PostSource.Embed, 3, 5),
            Row("303", "embed a", PostSource.Embed, html: "<blockquote>a</blockquote>"), Row("303", "embed b", PostSource.Embed, 4, 7, "<blockquote>b</blockquote>"),
            Row("304", "api a", PostSource.Api, 5), Row("304", "api b", PostSource.Api, 6, 1),
        ];
        // Each round of a repeat changes the texts and counts a little, so that which row wins shows.
        var rows = Enumerable.Range(0, repeat).SelectMany(r => once.Select(row => r == 0 ? row
            : new SocialImportRow(row.Post with { Text = $"{row.Post.Text} ({r})" }, row.Source, row.Papers, row.Snapshot is { } s ? s with { Likes = s.Likes + r } : null, row.EmbedHtml))).ToArray();
        void Before(StoreTransaction tx)
        {
            tx.Papers.Upsert(paper);
            tx.Posts.Upsert(APost("301", null) with { Text = "old embed" }, PostSource.Embed);
            tx.Posts.Upsert(APost("302", null) with { Text = "old api" }, PostSource.Api);
        }

        using var bulk = new StoreFixture(backend);
        bulk.Store.Write(Before);
        bulk.Store.Posts.Import(rows);
        using var oneByOne = new StoreFixture(backend);
        oneByOne.Store.Write(tx =>
        {
            Before(tx);
            foreach (var row in rows)
            {
                tx.Posts.Upsert(row.Post, row.Source);
                foreach (var p in row.Papers) tx.Posts.LinkArxiv(row.Post.Platform, row.Post.PostId, p);
                if (row.Snapshot is { } snapshot) tx.Posts.AddSnapshot(snapshot);
                if (row.EmbedHtml is { } html) tx.Posts.UpsertEmbed(row.Post.Platform, row.Post.PostId, html, "import");
            }
        });
        var expected = Dump(oneByOne.Store);
        Assert.Contains(repeat == 1 ? "301|api 1|api" : $"301|api 1 ({repeat - 1})|api", expected);
        Assert.Contains("302|old api|api", expected);
        Assert.Equal(expected, Dump(bulk.Store));
        bulk.Store.Posts.Import(rows);
        Assert.Equal(expected, Dump(bulk.Store)); // and again: nothing changes
    }

    private static string Dump(HotPapersStore store)
    {
        var lines = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT post_id, text, source FROM social_posts ORDER BY post_id",
            "SELECT post_id, arxiv_id FROM post_arxiv_links ORDER BY post_id, arxiv_id",
            "SELECT post_id, arxiv_id FROM paper_posts ORDER BY post_id, arxiv_id",
            "SELECT post_id, reposts, likes, measured_at FROM engagement_snapshots ORDER BY post_id, measured_at",
            "SELECT post_id, html, source FROM embeds ORDER BY post_id",
        })
        {
            using var command = store.Command(sql);
            using var reader = command.ExecuteReader();
            while (reader.Read())
                lines.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        return string.Join('\n', lines);
    }

    [StoreFact]
    public void Listed_papers_are_searched_before_their_metadata_and_only_those_with_posts_are_due_for_it()
    {
        using var fixture = new StoreFixture(backend);
        var quiet = new ListedEntry(Day.Start, ArxivId.Parse("2106.05021"), 1, "new", "Quiet", ["A. Author", "B. Author"], [new Subject("cs.LG", "Machine Learning")], null);
        var held = APaper("2106.05022", 2);
        var talked = new ListedEntry(Day.Start, ArxivId.Parse("2106.05023"), 3, "cross", "Talked", ["C. Author"], [new Subject("stat.ML", "Machine Learning"), new Subject("cs.LG")], true);
        fixture.Store.Write(tx =>
        {
            tx.Papers.List(quiet);
            tx.Papers.List(new ListedEntry(Day.Start, held.Id, 2, "new", held.Title, held.Authors, held.Subjects, true));
            tx.Papers.List(talked);
            tx.Papers.Upsert(held);
            tx.Papers.Announce(Day.Start, held.Id, 2, "new");
            tx.Posts.Upsert(APost("601", null) with { Platform = "hn" }, PostSource.Api);
            tx.Posts.AddSnapshot(new EngagementSnapshot("hn", "601", 0, 7, T0));
            Assert.True(tx.Posts.LinkArxiv("hn", "601", talked.Id)); // the link is recorded although the paper is not stored
            Assert.False(tx.Posts.LinkArxiv("hn", "601", talked.Id));
            tx.Posts.Upsert(APost("602", null), PostSource.Api);
            tx.Posts.AddSnapshot(new EngagementSnapshot(SocialPost.X, "602", 2, 3, T0));
            tx.Posts.LinkArxiv(SocialPost.X, "602", held.Id);
        });

        Assert.Equal(["2106.05021", "2106.05022", "2106.05023"], fixture.Store.Papers.LoadListedIds(Day).Select(id => id.Value));
        Assert.Equal([quiet, talked with { Discussed = true }], fixture.Store.Papers.ListedWithoutMetadata(Day.Start),
            (a, b) => (a with { Authors = [], Subjects = [] }) == (b with { Authors = [], Subjects = [] }) && a.Authors.SequenceEqual(b.Authors) && a.Subjects.SequenceEqual(b.Subjects));
        Assert.Equal(new Dictionary<ArxivId, long> { [talked.Id] = 7 }, fixture.Store.Posts.OtherPlatformsSignal(Day, SocialPost.X));
        Assert.Equal(new Dictionary<ArxivId, long> { [held.Id] = 5 }, fixture.Store.Posts.OtherPlatformsSignal(Day, "hn"));
        Assert.Empty(fixture.Store.Papers.LoadListedIds(DigestWindow.Day(Day.Start.AddDays(1))));

        // Listed again the next day (fetched for the first day only): announced on both once it is stored.
        var next = Day.Start.AddDays(1);
        fixture.Store.Write(tx => tx.Papers.List(talked with { ListingDate = next, CrawlOrder = 9 }));
        Assert.Equal(0, fixture.Store.Write(tx => tx.Papers.AnnounceListedHeld(next)));
        fixture.Store.Write(tx => tx.Papers.Upsert(APaper(talked.Id.Value, 3)));
        Assert.Equal(1, fixture.Store.Write(tx => tx.Papers.AnnounceListedHeld(next)));
        Assert.Equal(0, fixture.Store.Write(tx => tx.Papers.AnnounceListedHeld(next)));
        Assert.Equal([(talked.Id, 9, (string?)"cross")], fixture.Store.LoadAnnouncements(next));
    }

    private static Paper APaper(string id, int crawlOrder) =>
        new(ArxivId.Parse(id), $"Title {id}", ["A. Author"], [new Subject("cs.LG", "Machine Learning")], "An abstract.",
            $"https://arxiv.org/abs/{id}", $"https://arxiv.org/pdf/{id}", Day.Start, crawlOrder);

    private static SocialPost APost(string id, string? repostOf) =>
        new(SocialPost.X, id, "someone", "Some One", T0.AddMinutes(int.Parse(id) % 1000), "en", "ltr", $"post {id}", [], repostOf);
}

public sealed class SqliteStoreTests() : StoreContractTests(StoreBackend.Sqlite);

public sealed class PostgresStoreTests() : StoreContractTests(StoreBackend.Postgres), IPostgresBacked;
