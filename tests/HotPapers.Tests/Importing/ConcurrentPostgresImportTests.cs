using HotPapers.Testing.Importing;
using System.Globalization;
using HotPapers.Domain;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Importing;

/// <summary>
/// Issue 7, acceptance 2: four separate <c>hotpapers import tweets</c> processes import overlapping halves of the same
/// 200,000-post X API v2 file into one PostgreSQL database at once, and the store ends with exactly the distinct
/// posts, each mention once, each measurement once, and each post's latest snapshot holding its latest counts.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class ConcurrentPostgresImportTests : IPostgresBacked
{
    private const int Lines = 200_000;

    [StoreFact]
    public async Task Four_processes_importing_overlapping_halves_end_with_the_distinct_posts_and_the_latest_counts()
    {
        using var dir = new TempDirectory();
        using var database = TestPostgres.CreateDatabase();
        var full = dir.File("search.jsonl");
        SyntheticXV2.Write(full, Lines, refetched: true);
        var all = File.ReadAllLines(full);
        Assert.Equal(Lines, all.Length);
        var q = Lines / 4;
        (int From, int To)[][] halves = [[(0, 2 * q)], [(2 * q, 4 * q)], [(q, 3 * q)], [(3 * q, 4 * q), (0, q)]];
        var files = halves.Select((ranges, i) =>
        {
            var file = dir.File($"half-{i}.jsonl");
            File.WriteAllLines(file, ranges.SelectMany(r => all[r.From..r.To]));
            return file;
        }).ToList();
        all = [];

        // Some of the papers are already known, so links into paper_posts are made concurrently too.
        using (var store = HotPapersStore.Open(database.ConnectionString))
            store.Write(tx =>
            {
                for (var p = 0; p < 50; p++) tx.Papers.Upsert(APaper(SyntheticXV2.Paper(p)));
            });

        var processes = files.Select(f => CliProcess.Start(Path.GetTempPath(), null, "--db", database.ConnectionString, "import", "tweets", "--batch-size", "2000", f)).ToList();
        var results = await Task.WhenAll(processes.Select(p => p.WaitAsync(TimeSpan.FromMinutes(5))));
        foreach (var p in processes) p.Dispose();
        foreach (var (code, output, error) in results)
        {
            Assert.True(code == 0, $"exit {code}: {error}");
            Assert.Contains($"{Lines / 2} posts, {Lines / 2} snapshots, {Lines / 2} links, 0 without an arXiv link skipped, 0 bad lines", output);
        }

        using var check = HotPapersStore.Open(database.ConnectionString);
        var distinct = SyntheticXV2.DistinctPosts(Lines, refetched: true);
        var counts = check.RowCounts();
        Assert.Equal(distinct, counts["social_posts"]);
        Assert.Equal(Lines, counts["engagement_snapshots"]); // one per line of the file: each measurement once
        Assert.Equal(distinct, Scalar(check, "SELECT COUNT(*) FROM post_arxiv_links"));
        Assert.Equal(Enumerable.Range(0, distinct).Count(p => p % SyntheticXV2.Papers < 50), counts["paper_posts"]);

        var latest = new Dictionary<string, (long Reposts, long Likes, string At)>();
        using (var command = check.Command("""
            SELECT DISTINCT ON (post_id) post_id, reposts, likes, measured_at FROM engagement_snapshots
            ORDER BY post_id, measured_at DESC
            """))
        using (var reader = command.ExecuteReader())
            while (reader.Read()) latest[reader.GetString(0)] = (Convert.ToInt64(reader.GetValue(1)), Convert.ToInt64(reader.GetValue(2)), reader.GetString(3));
        Assert.Equal(distinct, latest.Count);
        var wrong = 0;
        string? firstWrong = null;
        for (var post = 0; post < distinct; post++)
        {
            var second = post >= Lines / 4;
            var (reposts, likes) = SyntheticXV2.Counts(post, second);
            var at = (second ? SyntheticXV2.SecondFetch : SyntheticXV2.FirstFetch).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            if (latest[SyntheticXV2.PostId(post)] != (reposts, likes, at))
            {
                wrong++;
                firstWrong ??= $"post {post}: expected {(reposts, likes, at)}, found {latest[SyntheticXV2.PostId(post)]}";
            }
        }
        Assert.True(wrong == 0, $"{wrong} posts do not hold their latest counts; first: {firstWrong}");
    }

    private static long Scalar(HotPapersStore store, string sql)
    {
        using var command = store.Command(sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static Paper APaper(string id) =>
        new(ArxivId.Parse(id), $"Title {id}", ["A. Author"], [new Subject("cs.LG", "Machine Learning")], "An abstract.",
            $"https://arxiv.org/abs/{id}", $"https://arxiv.org/pdf/{id}", new DateOnly(2021, 6, 10), 1);
}
