namespace HotPapers.Store;

/// <summary>
/// The schema, as numbered steps applied in order on open. A step once released is never edited: change the
/// schema by adding a step. The SQL is kept to what SQLite and PostgreSQL both accept.
/// </summary>
internal static class Migrations
{
    /// <summary>The tables <see cref="HotPapersStore.RowCounts"/> reports.</summary>
    public static readonly IReadOnlyList<string> CountedTables =
        ["papers", "announcements", "social_posts", "paper_posts", "embeds", "engagement_snapshots", "reported_totals", "digests",
         "printed_papers", "printed_embeds", "listed_papers"];

    /// <summary>Every step for <paramref name="backend"/>, in version order: the shared steps and the per-database ones.</summary>
    public static IEnumerable<(int Version, string Sql)> For(StoreBackend backend) =>
        Steps.Concat(PerBackend.Select(s => (s.Version, backend == StoreBackend.Postgres ? s.Postgres() : s.Sqlite())))
            .OrderBy(s => s.Version);

    /// <summary>Steps whose SQL differs between the databases (triggers): built from code that, once released, is not edited either.</summary>
    private static readonly IReadOnlyList<(int Version, Func<string> Sqlite, Func<string> Postgres)> PerBackend =
    [
        (9, ChangeLogSchema.Sqlite, ChangeLogSchema.Postgres), // the change log the incremental site build reads (issue 14)
    ];

    public static readonly IReadOnlyList<(int Version, string Sql)> Steps =
    [
        (1, """
            CREATE TABLE papers (
                arxiv_id  TEXT PRIMARY KEY,
                title     TEXT NOT NULL,
                authors   TEXT NOT NULL,   -- JSON array of names, in order
                subjects  TEXT NOT NULL,   -- JSON array of {code, name}, primary first
                abstract  TEXT NOT NULL,
                abs_url   TEXT NOT NULL,
                pdf_url   TEXT NULL
            );
            CREATE TABLE announcements (
                listing_date TEXT NOT NULL,  -- YYYY-MM-DD
                arxiv_id     TEXT NOT NULL REFERENCES papers (arxiv_id),
                crawl_order  INTEGER NOT NULL,
                PRIMARY KEY (listing_date, arxiv_id)
            );
            CREATE TABLE social_posts (
                platform      TEXT NOT NULL,
                post_id       TEXT NOT NULL,
                author_handle TEXT NOT NULL,
                author_name   TEXT NOT NULL,
                created_at    TEXT NOT NULL,  -- ISO 8601 UTC
                lang          TEXT NOT NULL,
                dir           TEXT NOT NULL,
                text          TEXT NOT NULL,
                entities      TEXT NOT NULL,  -- JSON array, code-point offsets
                repost_of     TEXT NULL,
                source        TEXT NOT NULL,  -- 'embed' (read back from HTML) or 'api'
                PRIMARY KEY (platform, post_id)
            );
            CREATE TABLE paper_posts (
                arxiv_id    TEXT NOT NULL REFERENCES papers (arxiv_id),
                platform    TEXT NOT NULL,
                post_id     TEXT NOT NULL,
                embed_order INTEGER NULL,   -- place in an imported digest, where counts are unknown
                PRIMARY KEY (arxiv_id, platform, post_id),
                FOREIGN KEY (platform, post_id) REFERENCES social_posts (platform, post_id)
            );
            CREATE TABLE embeds (
                platform TEXT NOT NULL,
                post_id  TEXT NOT NULL,
                html     TEXT NOT NULL,
                source   TEXT NOT NULL,     -- 'import' or 'oembed'
                PRIMARY KEY (platform, post_id)
            );
            CREATE TABLE engagement_snapshots (
                platform    TEXT NOT NULL,
                post_id     TEXT NOT NULL,
                reposts     INTEGER NOT NULL,
                likes       INTEGER NOT NULL,
                measured_at TEXT NOT NULL,  -- ISO 8601 UTC
                PRIMARY KEY (platform, post_id, measured_at)
            );
            CREATE TABLE reported_totals (
                window_key  TEXT NOT NULL,  -- the digest's date_str
                arxiv_id    TEXT NOT NULL REFERENCES papers (arxiv_id),
                reposts     INTEGER NOT NULL,
                likes       INTEGER NOT NULL,
                measured_at TEXT NOT NULL,  -- local wall clock, as printed
                PRIMARY KEY (window_key, arxiv_id)
            );
            CREATE TABLE digests (
                window_key   TEXT PRIMARY KEY,
                window_start TEXT NOT NULL,
                window_end   TEXT NOT NULL,
                generated_at TEXT NOT NULL,  -- local wall clock, as printed
                source       TEXT NOT NULL
            );
            CREATE INDEX ix_paper_posts_post ON paper_posts (platform, post_id);
            """),
        (2, """
            -- arXiv collection: how each paper came to be listed that day, and what the metadata API said about it.
            ALTER TABLE announcements ADD COLUMN kind TEXT NULL;  -- 'new' | 'cross' (NULL: imported, unknown)
            CREATE TABLE arxiv_fetches (
                arxiv_id     TEXT PRIMARY KEY,
                status       TEXT NOT NULL,  -- 'fetched' | 'unknown' (no entry came back) | 'error' (error entry) | 'failed' (request failed)
                version      INTEGER NULL,   -- the version the API returned
                detail       TEXT NULL,
                attempted_at TEXT NOT NULL   -- ISO 8601 UTC
            );
            """),
        (4, """
            -- Bluesky and Hacker News (issue 4). Counters live beside the post so the Jetstream listener can
            -- count likes, reposts and quotes as they stream by; snapshots are still appended to
            -- engagement_snapshots at checkpoints.
            CREATE TABLE bluesky_posts (
                post_id       TEXT PRIMARY KEY,      -- at://<did>/app.bsky.feed.post/<rkey>
                did           TEXT NOT NULL,
                cid           TEXT NULL,
                has_embed     INTEGER NOT NULL,      -- 1: the snippet shows "[image or embed]"
                indexed_at    TEXT NULL,             -- ISO 8601 UTC; AppView indexedAt, or Jetstream time
                likes         BIGINT NOT NULL,
                reposts       BIGINT NOT NULL,
                quotes        BIGINT NOT NULL,
                replies       BIGINT NULL,           -- known from searchPosts only
                snapshot_due  INTEGER NOT NULL,      -- 1: counts changed since the last snapshot
                deleted       INTEGER NOT NULL
            );
            CREATE INDEX ix_bluesky_posts_did ON bluesky_posts (did);
            -- Likes, reposts and quotes of kept posts, so that a later delete event (which names only the
            -- like's own rkey) can be matched to the post it had counted for.
            CREATE TABLE bluesky_engagements (
                actor_did  TEXT NOT NULL,
                collection TEXT NOT NULL,   -- app.bsky.feed.like | app.bsky.feed.repost | app.bsky.feed.post (a quote)
                rkey       TEXT NOT NULL,
                subject    TEXT NOT NULL,   -- the kept post's at:// URI
                PRIMARY KEY (actor_did, collection, rkey)
            );
            CREATE TABLE jetstream_cursors (
                stream  TEXT PRIMARY KEY,
                time_us BIGINT NOT NULL     -- last committed event's time_us
            );
            -- Identities of recently applied events, so a rewound resume counts nothing twice.
            CREATE TABLE jetstream_seen (
                event_key TEXT PRIMARY KEY, -- did|collection|rkey|operation|rev
                time_us   BIGINT NOT NULL
            );
            CREATE INDEX ix_jetstream_seen_time ON jetstream_seen (time_us);
            -- Every paper a post links, whether or not the paper is in the store yet; paper_posts (which needs
            -- the paper row) is filled from it once the paper arrives.
            CREATE TABLE post_arxiv_links (
                platform TEXT NOT NULL,
                post_id  TEXT NOT NULL,
                arxiv_id TEXT NOT NULL,
                PRIMARY KEY (platform, post_id, arxiv_id)
            );
            CREATE INDEX ix_post_arxiv_links_paper ON post_arxiv_links (arxiv_id);
            CREATE TABLE hackernews_items (
                post_id     TEXT PRIMARY KEY,   -- Algolia objectID
                url         TEXT NOT NULL,
                title       TEXT NOT NULL,
                points      BIGINT NOT NULL,
                comments    BIGINT NOT NULL,
                measured_at TEXT NOT NULL       -- ISO 8601 UTC
            );
            """),
        (6, """
            CREATE TABLE run_steps (
                window_key   TEXT NOT NULL,  -- the digest's date_str
                step         TEXT NOT NULL,
                completed_at TEXT NOT NULL,  -- ISO 8601 UTC
                summary      TEXT NOT NULL,
                PRIMARY KEY (window_key, step)
            );
            """),
        (7, """
            -- What each imported post printed, per window (issue 12): a paper shown on several days keeps each day's
            -- title, authors, categories and abstract, and each day's embeds in order, repeats included. The papers
            -- table keeps the current metadata.
            CREATE TABLE printed_papers (
                window_key TEXT NOT NULL,     -- the digest's date_str
                rank       INTEGER NOT NULL,
                arxiv_id   TEXT NOT NULL REFERENCES papers (arxiv_id),
                title      TEXT NOT NULL,
                authors    TEXT NOT NULL,     -- JSON array of names, as printed
                subjects   TEXT NOT NULL,     -- JSON array of {code}, as printed
                abstract   TEXT NOT NULL,     -- may be empty: two 2021 posts printed none
                abs_url    TEXT NOT NULL,
                pdf_url    TEXT NULL,
                PRIMARY KEY (window_key, rank),
                UNIQUE (window_key, arxiv_id)
            );
            CREATE INDEX ix_printed_papers_paper ON printed_papers (arxiv_id);  -- "printed by any post?" while ranking a day
            CREATE TABLE printed_embeds (
                window_key TEXT NOT NULL,
                rank       INTEGER NOT NULL,
                position   INTEGER NOT NULL,  -- 1-based place under the paper
                platform   TEXT NOT NULL,
                post_id    TEXT NOT NULL,
                html       TEXT NOT NULL,     -- exactly as printed (both lines)
                PRIMARY KEY (window_key, rank, position),
                FOREIGN KEY (platform, post_id) REFERENCES social_posts (platform, post_id)
            );
            -- Where fixed totals came from: 'import' (printed by an imported post) or 'daily' (measured by a run).
            ALTER TABLE reported_totals ADD COLUMN source TEXT NOT NULL DEFAULT 'import';
            UPDATE reported_totals SET source = 'daily'
            WHERE window_key NOT IN (SELECT window_key FROM digests WHERE source = 'import');
            -- The blank-line spacing an imported post was printed with (PostLayout.Key); NULL: the classic layout.
            ALTER TABLE digests ADD COLUMN layout TEXT NULL;
            """),
        (8, """
            -- What arXiv listed on each day, as the listing showed it (issue 14). The daily job stores the listing
            -- before any metadata and asks the API only for the listed papers someone posted about, so a listed
            -- paper may have no papers row yet: hence no foreign key. announcements is filled once the paper is.
            CREATE TABLE listed_papers (
                listing_date TEXT NOT NULL,     -- YYYY-MM-DD
                arxiv_id     TEXT NOT NULL,
                crawl_order  INTEGER NOT NULL,
                kind         TEXT NOT NULL,     -- 'new' | 'cross'
                title        TEXT NOT NULL,     -- as listed (the post prints the API's)
                authors      TEXT NOT NULL,     -- JSON array of names, as listed
                subjects     TEXT NOT NULL,     -- JSON array of {code, name}, primary first; empty when the source gave none
                has_pdf      INTEGER NULL,      -- 1 | 0; NULL when the source cannot say
                PRIMARY KEY (listing_date, arxiv_id)
            );
            """),
        (10, """
            -- The Jetstream listener's two busiest tables in time order (issue 14). A batch of the listener's writes
            -- used to land all over their indexes (keys starting with a DID), so every commit wrote most of their
            -- pages to the log again; in time order a batch touches the last few pages. Same rows.
            -- Event identities: the listener's memory holds every one the table does and decides alone, so the
            -- table needs no unique key, only the time it is pruned by.
            CREATE TABLE jetstream_seen_by_time (
                time_us   BIGINT NOT NULL,
                event_key TEXT NOT NULL     -- did|collection|rkey|operation|rev
            );
            INSERT INTO jetstream_seen_by_time (time_us, event_key) SELECT time_us, event_key FROM jetstream_seen ORDER BY time_us;
            DROP TABLE jetstream_seen;
            ALTER TABLE jetstream_seen_by_time RENAME TO jetstream_seen;
            CREATE INDEX ix_jetstream_seen_time ON jetstream_seen (time_us);
            -- Engagements keyed rkey first: a like's or repost's rkey is a TID, the time it was made, so new ones
            -- go at the end of the key instead of beside their actor's DID.
            CREATE TABLE bluesky_engagements_by_rkey (
                actor_did  TEXT NOT NULL,
                collection TEXT NOT NULL,   -- app.bsky.feed.like | app.bsky.feed.repost | app.bsky.feed.post (a quote)
                rkey       TEXT NOT NULL,
                subject    TEXT NOT NULL,   -- the kept post's at:// URI
                PRIMARY KEY (rkey, actor_did, collection)
            );
            INSERT INTO bluesky_engagements_by_rkey (actor_did, collection, rkey, subject)
            SELECT actor_did, collection, rkey, subject FROM bluesky_engagements ORDER BY rkey, actor_did, collection;
            DROP TABLE bluesky_engagements;
            ALTER TABLE bluesky_engagements_by_rkey RENAME TO bluesky_engagements;
            """),
    ];
}
