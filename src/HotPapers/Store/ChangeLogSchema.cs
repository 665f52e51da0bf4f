using System.Text;

namespace HotPapers.Store;

/// <summary>
/// The schema of the change log (<see cref="ChangeLog"/>): one row per write to a table the site is built from,
/// naming what the write touched (a paper, a post, a window, a listing date), appended by triggers so no writer,
/// bulk path or hand-run statement can forget it. SQLite has only row triggers, so each changed row appends one row
/// whose <c>rev</c> is its rowid; PostgreSQL appends once per statement from its transition tables (an import's
/// <c>COPY</c> of thousands of snapshots is one statement) and <c>rev</c> is the writing transaction's id.
/// </summary>
internal static class ChangeLogSchema
{
    /// <summary>Kinds of <c>site_changes</c> rows: what <c>key1</c> (and <c>key2</c>) name.</summary>
    public const string Paper = "p", Post = "s", Window = "w", Date = "d";

    /// <summary>
    /// Per table, its columns (an update that leaves them all as they were is no change: an upsert that rewrites the
    /// same values logs nothing) and the keys a changed row touches: kind and the one or two columns that name it.
    /// A migration that adds a column to one of these tables must replace its triggers (a test compares the lists).
    /// </summary>
    internal static readonly (string Table, string[] Columns, (string Kind, string Key1, string? Key2)[] Keys)[] Tracked =
    [
        ("papers", ["arxiv_id", "title", "authors", "subjects", "abstract", "abs_url", "pdf_url"], [(Paper, "arxiv_id", null)]),
        ("announcements", ["listing_date", "arxiv_id", "crawl_order", "kind"], [(Paper, "arxiv_id", null), (Date, "listing_date", null)]),
        ("paper_posts", ["arxiv_id", "platform", "post_id", "embed_order"], [(Paper, "arxiv_id", null)]),
        ("social_posts", ["platform", "post_id", "author_handle", "author_name", "created_at", "lang", "dir", "text", "entities", "repost_of", "source"],
            [(Post, "platform", "post_id")]),
        ("engagement_snapshots", ["platform", "post_id", "reposts", "likes", "measured_at"], [(Post, "platform", "post_id")]),
        ("embeds", ["platform", "post_id", "html", "source"], [(Post, "platform", "post_id")]),
        ("reported_totals", ["window_key", "arxiv_id", "reposts", "likes", "measured_at", "source"], [(Paper, "arxiv_id", null), (Window, "window_key", null)]),
        ("digests", ["window_key", "window_start", "window_end", "generated_at", "source", "layout"], [(Window, "window_key", null)]),
        // A window's ranking leaves out papers that any imported post printed: printing a paper changes its own windows too.
        ("printed_papers", ["window_key", "rank", "arxiv_id", "title", "authors", "subjects", "abstract", "abs_url", "pdf_url"],
            [(Window, "window_key", null), (Paper, "arxiv_id", null)]),
        ("printed_embeds", ["window_key", "rank", "position", "platform", "post_id", "html"], [(Window, "window_key", null)]),
    ];

    private const string Identity = """
        -- Which store this is, so a site built from one store is never updated from another's change log.
        CREATE TABLE store_identity (id TEXT NOT NULL);
        """;

    public static string Sqlite()
    {
        var sql = new StringBuilder(Identity).Append("""
            INSERT INTO store_identity (id) VALUES (lower(hex(randomblob(16))));
            CREATE TABLE site_changes (
                rev  INTEGER PRIMARY KEY,  -- the rowid: rows committed later get larger ones (writers take turns)
                kind TEXT NOT NULL,        -- p: paper, s: post, w: window, d: listing date
                key1 TEXT NOT NULL,
                key2 TEXT NOT NULL
            );

            """);
        foreach (var (table, columns, keys) in Tracked)
        {
            sql.Append($"CREATE TRIGGER site_changes_{table}_insert AFTER INSERT ON {table} BEGIN {Inserts(keys, "NEW")} END;\n");
            sql.Append($"CREATE TRIGGER site_changes_{table}_delete AFTER DELETE ON {table} BEGIN {Inserts(keys, "OLD")} END;\n");
            var changed = string.Join(" OR ", columns.Select(c => $"OLD.{c} IS NOT NEW.{c}"));
            sql.Append($"CREATE TRIGGER site_changes_{table}_update AFTER UPDATE ON {table} WHEN {changed} BEGIN {Inserts(keys, "NEW")} END;\n");
            // An update that moves a row to other keys touches the old ones too.
            var moved = string.Join(" OR ", keys.SelectMany(k => new[] { k.Key1, k.Key2 }).OfType<string>().Distinct().Select(c => $"OLD.{c} IS NOT NEW.{c}"));
            sql.Append($"CREATE TRIGGER site_changes_{table}_moved AFTER UPDATE ON {table} WHEN {moved} BEGIN {Inserts(keys, "OLD")} END;\n");
        }
        return sql.ToString();

        static string Inserts((string Kind, string Key1, string? Key2)[] keys, string row) => string.Concat(keys.Select(k =>
            $"INSERT INTO site_changes (kind, key1, key2) VALUES ('{k.Kind}', {row}.{k.Key1}, {(k.Key2 is null ? "''" : row + "." + k.Key2)}); "));
    }

    public static string Postgres()
    {
        var sql = new StringBuilder(Identity).Append("""
            INSERT INTO store_identity (id) VALUES (md5(random()::text || clock_timestamp()::text));
            CREATE TABLE site_changes (
                rev  BIGINT NOT NULL DEFAULT (pg_current_xact_id()::text::bigint),  -- the writing transaction
                kind TEXT NOT NULL,
                key1 TEXT NOT NULL,
                key2 TEXT NOT NULL
            );
            CREATE INDEX ix_site_changes_rev ON site_changes (rev);

            """);
        foreach (var (table, _, keys) in Tracked)
        {
            string Select(string rows) => string.Join(" UNION ", keys.Select(k => $"SELECT '{k.Kind}', {k.Key1}, {k.Key2 ?? "''"} FROM {rows}"));
            // Rows an update left as they were are in both transition tables; the others were changed or moved.
            const string Changed = "(SELECT * FROM new_rows EXCEPT ALL SELECT * FROM old_rows) n";
            const string Replaced = "(SELECT * FROM old_rows EXCEPT ALL SELECT * FROM new_rows) o";
            sql.Append($"""
                CREATE FUNCTION site_changes_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN INSERT INTO site_changes (kind, key1, key2) {Select("new_rows")};
                    ELSIF TG_OP = 'DELETE' THEN INSERT INTO site_changes (kind, key1, key2) {Select("old_rows")};
                    ELSE INSERT INTO site_changes (kind, key1, key2) {Select(Changed)} UNION {Select(Replaced)};
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER site_changes_{table}_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION site_changes_{table}();
                CREATE TRIGGER site_changes_{table}_update AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION site_changes_{table}();
                CREATE TRIGGER site_changes_{table}_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION site_changes_{table}();

                """);
        }
        return sql.ToString();
    }
}
