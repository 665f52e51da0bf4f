using HotPapers.Domain;
using HotPapers.Importing;
using HotPapers.Publishing.Site;
using HotPapers.Store;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>A store in a temporary folder, the seeds and synthetic papers written through the store API.</summary>
internal sealed class TempSite : IDisposable
{
    /// <summary>The clock every site test pins, so the day JSON of a day without a stored digest is reproducible.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly HotPapers.Testing.TestDatabase? _postgres;

    public TempSite(StoreBackend backend = StoreBackend.Sqlite)
    {
        Directory = Path.Combine(Path.GetTempPath(), "hotpapers-site-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        _postgres = backend == StoreBackend.Postgres ? HotPapers.Testing.TestPostgres.CreateDatabase() : null;
        DbPath = _postgres?.ConnectionString ?? Path.Combine(Directory, "store.db");
        Store = HotPapersStore.Open(DbPath);
    }

    public string Directory { get; }

    /// <summary>What <c>--db</c> would say: the SQLite file, or the PostgreSQL connection string.</summary>
    public string DbPath { get; }

    public HotPapersStore Store { get; }

    public static string SeedsDir => Path.Combine(AppContext.BaseDirectory, "data", "seeds");

    public TempSite WithSeeds()
    {
        var importer = new PostArchiveImporter(Store);
        foreach (var file in PostArchiveImporter.FindPostFiles([SeedsDir]))
        {
            var result = importer.ImportFile(file);
            if (!result.Succeeded) throw new InvalidOperationException(result.Error);
        }
        return this;
    }

    public SiteModel Model(SiteOptions? options = null) =>
        new(Store, new PinnedClock(Now), TimeZoneInfo.Utc, options ?? new SiteOptions());

    public string Build(SiteOptions? options = null)
    {
        var outDir = Path.Combine(Directory, "site");
        new SiteBuilder(Model(options)).Build(outDir);
        return outDir;
    }

    /// <summary>
    /// A day measured here, on every platform, beside the seeds: 2021-06-11 with a paper whose title has an
    /// accented word, posts on X, Bluesky and Hacker News, snapshots on its first day and five years later, and
    /// two snapshots a few seconds apart (one minute in the history).
    /// </summary>
    public TempSite WithMeasuredDay()
    {
        var day = new DateOnly(2021, 6, 11);
        var t0 = new DateTimeOffset(2021, 6, 11, 1, 0, 0, TimeSpan.Zero);
        Store.Write(tx =>
        {
            tx.Papers.Upsert(Synthetic.Paper("2106.06001", day, 1, title: "Déjà Vu: Café Attention for Naïve Learners",
                authors: ["Zoë Élan", "José Núñez"], subjects: [new Subject("cs.CL", null), new Subject("stat.ML", null)],
                abstractText: "We study attention. " + string.Concat(Enumerable.Repeat("The abstract goes on and on. ", 30))));
            var x = Synthetic.Post("1403000000000000001", "Café attention is all you need", t0.AddHours(1), handle: "cafe_ml", name: "Café ML");
            var bsky = Synthetic.Post("at://did:plc:abc123xyz/app.bsky.feed.post/3kabcde2f", "Déjà vu, the paper", t0.AddHours(2), handle: "deja.bsky.social",
                name: "Déjà", platform: "bluesky");
            var hn = Synthetic.Post("27470001", "Déjà Vu: Café Attention for Naïve Learners", t0.AddHours(3), handle: "pg_fan", name: "pg_fan", platform: "hackernews");
            foreach (var post in new[] { x, bsky, hn })
            {
                tx.Posts.Upsert(post, PostSource.Api);
                tx.Posts.Link(ArxivId.Parse("2106.06001"), post.Platform, post.PostId);
            }
            tx.Posts.AddSnapshot(new EngagementSnapshot(x.Platform, x.PostId, 40, 300, t0.AddHours(6)));
            tx.Posts.AddSnapshot(new EngagementSnapshot(bsky.Platform, bsky.PostId, 12, 90, t0.AddHours(6).AddSeconds(20)));
            tx.Posts.AddSnapshot(new EngagementSnapshot(hn.Platform, hn.PostId, 0, 150, t0.AddHours(6).AddSeconds(40)));
            tx.Posts.AddSnapshot(new EngagementSnapshot(x.Platform, x.PostId, 55, 410, t0.AddHours(30)));
            tx.Posts.AddSnapshot(new EngagementSnapshot(x.Platform, x.PostId, 60, 480, t0.AddYears(5)));
        });
        return this;
    }

    public void Dispose()
    {
        Store.Dispose();
        _postgres?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A server process may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}

internal sealed class PinnedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Builders for papers and posts written through the store API, as a crawl would write them.</summary>
internal static class Synthetic
{
    public static Paper Paper(string id, DateOnly day, int crawlOrder, string title = "A paper", string? abs = null, string? pdf = "default",
        string abstractText = "An abstract.", string[]? authors = null, Subject[]? subjects = null) =>
        new(ArxivId.Parse(id), title, authors ?? ["Ada Lovelace", "Alan Turing"], subjects ?? [new Subject("cs.LG", "Machine Learning")], abstractText,
            abs ?? $"https://arxiv.org/abs/{id}", pdf == "default" ? $"https://arxiv.org/pdf/{id}" : pdf, day, crawlOrder);

    public static SocialPost Post(string id, string text, DateTimeOffset created, IReadOnlyList<PostEntity>? entities = null, string handle = "someone",
        string name = "Some One", string? repostOf = null, string lang = "en", string platform = SocialPost.X) =>
        new(platform, id, handle, name, created, lang, "ltr", text, entities ?? [], repostOf);

    /// <summary>Stores a paper with posts, each with one snapshot per (reposts, likes) pair given, an hour apart.</summary>
    public static void Add(HotPapersStore store, Paper paper, params (SocialPost Post, (int Reposts, int Likes)[] Counts)[] posts)
    {
        store.Write(tx =>
        {
            tx.Papers.Upsert(paper);
            foreach (var (post, counts) in posts)
            {
                tx.Posts.Upsert(post, PostSource.Api);
                tx.Posts.Link(paper.Id, post.Platform, post.PostId);
                for (var i = 0; i < counts.Length; i++)
                    tx.Posts.AddSnapshot(new EngagementSnapshot(post.Platform, post.PostId, counts[i].Reposts, counts[i].Likes, post.CreatedAt.AddHours(i + 1)));
            }
        });
    }
}
