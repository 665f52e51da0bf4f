using HotPapers.Tests.Daily;
using HotPapers.Tests.Support;
using HotPapers.Tests.TestSupport;
using Npgsql;

namespace HotPapers.Tests.Store;

/// <summary>
/// Issue 7, acceptance 2: four <c>hotpapers import tweets</c> processes write overlapping halves of the same
/// 200,000 posts into one PostgreSQL database at once. Two of them carry an older measurement, two a newer one
/// with other counts; every post is in exactly one of each pair. At the end there are exactly the distinct posts,
/// every measurement of each, and the latest counts are the newer file's.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class PostgresConcurrentImportTests : IPostgresBacked
{
    private const int Posts = 200_000;
    private const int NewerOffset = 5;
    private const string Older = "2021-06-11T09:00:00Z";
    private const string Newer = "2021-06-12T09:00:00Z";

    [StoreFact]
    public async Task Four_processes_importing_overlapping_halves_keep_every_distinct_post_and_the_latest_counts()
    {
        using var database = TestPostgres.CreateDatabase();
        using var dir = new TempDirectory();
        // Older counts: first half, second half. Newer counts: the middle half, and the two outer quarters.
        SyntheticXDump.Write(dir.File("older-1.jsonl"), 0, Posts / 2);
        SyntheticXDump.Write(dir.File("older-2.jsonl"), Posts / 2, Posts / 2);
        SyntheticXDump.Write(dir.File("newer-1.jsonl"), Posts / 4, Posts / 2, NewerOffset);
        SyntheticXDump.Write(dir.File("newer-2.jsonl"), 0, Posts / 4, NewerOffset);
        SyntheticXDump.Write(dir.File("newer-2.jsonl"), 3 * Posts / 4, Posts / 4, NewerOffset, append: true);

        var runs = new[] { ("older-1", Older), ("newer-1", Newer), ("older-2", Older), ("newer-2", Newer) }
            .Select(r => CliProcess.Start(dir.Path, null, "--db", database.ConnectionString, "import", "tweets", dir.File(r.Item1 + ".jsonl"),
                "--format", "x-v2", "--measured-at", r.Item2))
            .ToList();
        try
        {
            foreach (var run in runs)
            {
                var (code, output, error) = await run.WaitAsync(TimeSpan.FromMinutes(10));
                Assert.True(code == 0, $"exit {code}: {error}\n{output}");
                Assert.Contains($"{Posts / 2:D} posts, {Posts / 2:D} snapshots", output);
            }
        }
        finally
        {
            foreach (var run in runs) run.Dispose();
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(Posts, await Scalar(connection, "SELECT COUNT(*) FROM social_posts"));
        Assert.Equal(Posts, await Scalar(connection, "SELECT COUNT(DISTINCT post_id) FROM social_posts"));
        Assert.Equal(Posts, await Scalar(connection, "SELECT COUNT(*) FROM post_arxiv_links"));
        Assert.Equal(2L * Posts, await Scalar(connection, "SELECT COUNT(*) FROM engagement_snapshots"));

        // The latest snapshot of every post holds the newer counts: compare their sums, and count the posts whose
        // latest snapshot is not the newer measurement.
        long reposts = 0, likes = 0;
        for (long n = 0; n < Posts; n++)
        {
            var (r, l) = SyntheticXDump.Counts(n, NewerOffset);
            reposts += r;
            likes += l;
        }
        const string latest = """
            SELECT s.* FROM engagement_snapshots s
            WHERE s.measured_at = (SELECT MAX(m.measured_at) FROM engagement_snapshots m WHERE m.platform = s.platform AND m.post_id = s.post_id)
            """;
        Assert.Equal(Posts, await Scalar(connection, $"SELECT COUNT(*) FROM ({latest}) l"));
        Assert.Equal(0, await Scalar(connection, $"SELECT COUNT(*) FROM ({latest}) l WHERE l.measured_at NOT LIKE '2021-06-12%'"));
        Assert.Equal(reposts, await Scalar(connection, $"SELECT SUM(reposts) FROM ({latest}) l"));
        Assert.Equal(likes, await Scalar(connection, $"SELECT SUM(likes) FROM ({latest}) l"));
    }

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
