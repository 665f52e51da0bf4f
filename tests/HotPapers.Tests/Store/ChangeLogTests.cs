using HotPapers.Domain;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Store;

/// <summary>
/// The change log the incremental site build reads: every write that changes what the site shows names the papers,
/// windows and listing dates it touched, whoever made it; a write that changes nothing names nothing.
/// </summary>
public abstract class ChangeLogTests(StoreBackend backend)
{
    private static readonly DateOnly Monday = new(2021, 6, 14);
    private static readonly DateTimeOffset T0 = new(2021, 6, 14, 9, 0, 0, TimeSpan.Zero);

    [StoreFact]
    public void A_new_snapshot_names_the_papers_its_post_links_and_their_listing_dates()
    {
        using var fixture = new StoreFixture(backend);
        var store = fixture.Store;
        store.Write(tx =>
        {
            tx.Papers.Upsert(APaper("2106.07001", Monday));
            tx.Papers.Upsert(APaper("2106.07002", Monday.AddDays(1)));
            tx.Posts.Upsert(APost("71"), PostSource.Api);
            tx.Posts.Link(ArxivId.Parse("2106.07001"), SocialPost.X, "71");
        });
        var position = store.Changes.Position();
        Assert.Empty(store.Changes.Since(position.Next).Papers);

        store.Write(tx => tx.Posts.AddSnapshot(new EngagementSnapshot(SocialPost.X, "71", 3, 40, T0.AddHours(5))));
        var changes = store.Changes.Since(position.Next);
        Assert.Equal(["2106.07001"], changes.Papers);
        Assert.Equal([Monday], changes.Dates);
        Assert.Empty(changes.WindowKeys);
        Assert.True(store.Changes.Position().Next > position.Next);
        Assert.Equal(position.StoreId, store.Changes.Position().StoreId);
    }

    [StoreFact]
    public void Writing_the_same_values_again_names_nothing_and_a_changed_value_names_its_paper()
    {
        using var fixture = new StoreFixture(backend);
        var store = fixture.Store;
        var paper = APaper("2106.07001", Monday);
        var snapshot = new EngagementSnapshot(SocialPost.X, "71", 3, 40, T0.AddHours(5));
        void WriteAll(Paper p) => store.Write(tx =>
        {
            tx.Papers.Upsert(p);
            tx.Posts.Upsert(APost("71"), PostSource.Api);
            tx.Posts.Link(p.Id, SocialPost.X, "71");
            tx.Posts.AddSnapshot(snapshot);
        });
        WriteAll(paper);
        var position = store.Changes.Position();

        WriteAll(paper);
        Assert.Equal(position, store.Changes.Position());
        Assert.Empty(store.Changes.Since(position.Next).Papers);

        WriteAll(paper with { Title = "A corrected title" });
        Assert.Equal(["2106.07001"], store.Changes.Since(position.Next).Papers);
    }

    [StoreFact]
    public void Hand_run_statements_are_logged_too_and_compacting_keeps_every_answer()
    {
        using var fixture = new StoreFixture(backend);
        var store = fixture.Store;
        store.Write(tx => tx.Papers.Upsert(APaper("2106.07001", Monday)));
        var start = store.Changes.Position();
        store.Write(tx => tx.Papers.Upsert(APaper("2106.07002", Monday)));
        var middle = store.Changes.Position();
        store.Sql.Run("DELETE FROM announcements WHERE arxiv_id = '2106.07001'");
        store.Sql.Run("UPDATE papers SET title = 'Renamed' WHERE arxiv_id = '2106.07002'");
        var before = (store.Changes.Since(start.Next), store.Changes.Since(middle.Next));
        Assert.Equal(["2106.07001", "2106.07002"], before.Item2.Papers.Order());
        Assert.Equal([Monday], before.Item2.Dates);

        Assert.True(store.Write(_ => store.Changes.Compact()) > 0);
        var after = (store.Changes.Since(start.Next), store.Changes.Since(middle.Next));
        Assert.Equal(before.Item1.Papers.Order(), after.Item1.Papers.Order());
        Assert.Equal(before.Item2.Papers.Order(), after.Item2.Papers.Order());
        Assert.Equal(before.Item2.Dates, after.Item2.Dates);
    }

    [StoreFact]
    public void The_triggers_compare_every_column_of_the_tables_they_watch()
    {
        using var fixture = new StoreFixture(backend);
        foreach (var (table, columns, _) in ChangeLogSchema.Tracked)
        {
            var actual = backend == StoreBackend.Postgres
                ? fixture.Store.Sql.Rows("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t", r => r.GetString(0), ("t", table))
                : fixture.Store.Sql.Rows($"SELECT name FROM pragma_table_info('{table}')", r => r.GetString(0));
            Assert.True(actual.Order().SequenceEqual(columns.Order()), $"{table}: the table has {string.Join(", ", actual.Order())}; the change log compares {string.Join(", ", columns.Order())}");
        }
    }

    private static Paper APaper(string id, DateOnly listed) =>
        new(ArxivId.Parse(id), $"Title {id}", ["A. Author"], [new Subject("cs.LG", "Machine Learning")], "An abstract.",
            $"https://arxiv.org/abs/{id}", $"https://arxiv.org/pdf/{id}", listed, 1);

    private static SocialPost APost(string id) => new(SocialPost.X, id, "someone", "Some One", T0, "en", "ltr", $"post {id}", [], null);
}

public sealed class SqliteChangeLogTests() : ChangeLogTests(StoreBackend.Sqlite);

public sealed class PostgresChangeLogTests() : ChangeLogTests(StoreBackend.Postgres), IPostgresBacked;
