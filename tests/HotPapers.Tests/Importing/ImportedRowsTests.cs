using System.Globalization;
using HotPapers.Domain;
using HotPapers.Importing.Tweets;
using HotPapers.Store;
using HotPapers.Testing;
using HotPapers.Testing.Importing;

namespace HotPapers.Tests.Importing;

/// <summary>
/// <c>import tweets</c> against the plainest way to store what a file holds: the same files read by the same reader,
/// each post then written by the store's single-row writes (upsert, link, snapshot, embed) in file order. Every
/// column of every table the import writes must come out the same, so the importer's pipeline, its bulk writer and
/// the stored forms it makes early (times, entities JSON) can be made faster without changing a stored byte.
/// </summary>
public abstract class ImportedRowsTests(StoreBackend backend)
{
    private static readonly DateTimeOffset MeasuredAt = new(2021, 6, 11, 9, 30, 15, 250, TimeSpan.Zero);

    // Papers some of the posts link (SyntheticXV2 and the parser tests' lines): their links reach paper_posts too.
    private static readonly string[] StoredPapers = ["2106.00001", "2106.00002", "2106.01234"];

    private static readonly string[] Files = ["synthetic.jsonl", "parser-lines.jsonl", "x-v2-tweepy-minimal.jsonl", "x-v2-twarc-search-page.json", "x-v1-lemonde.jsonl", "twint-2021.jsonl"];

    [StoreFact]
    public void Every_file_imports_to_the_same_rows_as_the_same_posts_written_one_by_one()
    {
        // Small batches, so that a file spans several transactions and pieces, and the default batches and pieces.
        foreach (var batchSize in new[] { 7, new TweetImportOptions().BatchSize })
            ImportEveryFile(batchSize);
    }

    private void ImportEveryFile(int batchSize)
    {
        using var dir = new TempDirectory();
        foreach (var name in Files)
        {
            var file = Fixture(dir, name);
            using var imported = new StoreFixture(backend);
            using var oneByOne = new StoreFixture(backend);
            imported.Store.Write(StorePapers);
            oneByOne.Store.Write(StorePapers);

            // Posts linking no paper are kept too.
            var result = new TweetImporter(imported.Store, new TweetImportOptions { BatchSize = batchSize, MeasuredAt = MeasuredAt, KeepUnlinked = true }).ImportFile(file, null, _ => { });
            var posts = 0;
            oneByOne.Store.Write(tx =>
            {
                foreach (var item in new TweetFileReader(file).Read())
                {
                    if (item.Tweet is not { } tweet) continue;
                    posts++;
                    tx.Posts.Upsert(tweet.Post, tweet.Source);
                    foreach (var paper in tweet.Papers) tx.Posts.LinkArxiv(tweet.Post.Platform, tweet.Post.PostId, paper);
                    if (tweet.HasCounts)
                        tx.Posts.AddSnapshot(new EngagementSnapshot(tweet.Post.Platform, tweet.Post.PostId, tweet.Reposts!.Value, tweet.Likes!.Value, tweet.MeasuredAt ?? MeasuredAt));
                    if (tweet.EmbedHtml is { } html) tx.Posts.UpsertEmbed(tweet.Post.Platform, tweet.Post.PostId, html, "import");
                }
            });

            Assert.True(posts > 0, $"{name}: no post to compare");
            Assert.Equal(posts, result.Posts);
            var expected = Rows(oneByOne.Store);
            var actual = Rows(imported.Store);
            var differs = Enumerable.Range(0, Math.Min(expected.Count, actual.Count)).FirstOrDefault(i => expected[i] != actual[i], -1);
            Assert.True(differs < 0 && expected.Count == actual.Count,
                $"{name}, batches of {batchSize}: {expected.Count} rows one by one, {actual.Count} imported; first difference:\n"
                + (differs < 0 ? "(one is longer)" : $"one by one: {expected[differs]}\nimported:   {actual[differs]}"));
        }
    }

    private static void StorePapers(StoreTransaction tx)
    {
        foreach (var id in StoredPapers)
            tx.Papers.Upsert(new Paper(ArxivId.Parse(id), $"Title {id}", ["A. Author"], [new Subject("cs.LG", "Machine Learning")], "An abstract.",
                $"https://arxiv.org/abs/{id}", $"https://arxiv.org/pdf/{id}", new DateOnly(2021, 6, 10), 1));
    }

    private static string Fixture(TempDirectory dir, string name)
    {
        var path = dir.File(name);
        switch (name)
        {
            case "synthetic.jsonl":
                SyntheticXV2.Write(path, 400, refetched: true); // posts fetched twice: two snapshots, the later post wins
                break;
            case "parser-lines.jsonl":
                // Escapes, surrogate pairs, media, several entity kinds, the same post twice, lines the quick reader
                // leaves to the serializer, and lines refused by the checks.
                var lines = FlatTweetParserTests.Taken.Select((object[] l) => (string)l[0]).Concat(FlatTweetParserTests.Left.Select((object[] l) => (string)l[0])).ToList();
                File.WriteAllLines(path, Enumerable.Repeat(lines, 4).SelectMany(l => l));
                break;
            default:
                File.Copy(TestData.PathOf("imports", name), path);
                break;
        }
        File.SetLastWriteTimeUtc(path, MeasuredAt.UtcDateTime);
        return path;
    }

    /// <summary>Every column of every table an import writes, one line a row, in a fixed order.</summary>
    private static List<string> Rows(HotPapersStore store)
    {
        var lines = new List<string>();
        foreach (var (table, columns) in new[]
        {
            ("social_posts", "platform, post_id, author_handle, author_name, created_at, lang, dir, text, entities, repost_of, source"),
            ("post_arxiv_links", "platform, post_id, arxiv_id"),
            ("paper_posts", "arxiv_id, platform, post_id, embed_order"),
            ("engagement_snapshots", "platform, post_id, reposts, likes, measured_at"),
            ("embeds", "platform, post_id, html, source"),
        })
        {
            using var command = store.Command($"SELECT {columns} FROM {table} ORDER BY {columns}");
            using var reader = command.ExecuteReader();
            while (reader.Read())
                lines.Add(table + ": " + string.Join('|', Enumerable.Range(0, reader.FieldCount)
                    .Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
        return lines;
    }
}

public sealed class SqliteImportedRowsTests() : ImportedRowsTests(StoreBackend.Sqlite);

public sealed class PostgresImportedRowsTests() : ImportedRowsTests(StoreBackend.Postgres), IPostgresBacked;
