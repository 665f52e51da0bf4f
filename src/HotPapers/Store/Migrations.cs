namespace HotPapers.Store;

/// <summary>
/// The schema, as numbered steps applied in order on open. A step once released is never edited: change the
/// schema by adding a step. The SQL is kept to what SQLite and PostgreSQL both accept.
/// </summary>
internal static class Migrations
{
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
        (6, """
            CREATE TABLE run_steps (
                window_key   TEXT NOT NULL,  -- the digest's date_str
                step         TEXT NOT NULL,
                completed_at TEXT NOT NULL,  -- ISO 8601 UTC
                summary      TEXT NOT NULL,
                PRIMARY KEY (window_key, step)
            );
            """),
    ];
}
