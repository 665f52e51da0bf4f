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

    /// <summary>Per table, the keys a changed row touches: kind and the one or two columns that name it.</summary>
    private static readonly (string Table, (string Kind, string Key1, string? Key2)[] Keys)[] Tracked =
    [
        ("papers", [(Paper, "arxiv_id", null)]),
        ("announcements", [(Paper, "arxiv_id", null), (Date, "listing_date", null)]),
        ("paper_posts", [(Paper, "arxiv_id", null)]),
        ("social_posts", [(Post, "platform", "post_id")]),
        ("engagement_snapshots", [(Post, "platform", "post_id")]),
        ("embeds", [(Post, "platform", "post_id")]),
        ("reported_totals", [(Paper, "arxiv_id", null), (Window, "window_key", null)]),
        ("digests", [(Window, "window_key", null)]),
        // A window's ranking leaves out papers that any imported post printed: printing a paper changes its own windows too.
        ("printed_papers", [(Window, "window_key", null), (Paper, "arxiv_id", null)]),
        ("printed_embeds", [(Window, "window_key", null)]),
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
        foreach (var (table, keys) in Tracked)
        {
            foreach (var (op, row) in new[] { ("INSERT", "NEW"), ("DELETE", "OLD"), ("UPDATE", "NEW") })
                sql.Append($"CREATE TRIGGER site_changes_{table}_{op.ToLowerInvariant()} AFTER {op} ON {table} BEGIN {Inserts(keys, row)} END;\n");
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
        foreach (var (table, keys) in Tracked)
        {
            string Select(string rows) => string.Join(" UNION ", keys.Select(k => $"SELECT '{k.Kind}', {k.Key1}, {k.Key2 ?? "''"} FROM {rows}"));
            sql.Append($"""
                CREATE FUNCTION site_changes_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'INSERT' THEN INSERT INTO site_changes (kind, key1, key2) {Select("new_rows")};
                    ELSIF TG_OP = 'DELETE' THEN INSERT INTO site_changes (kind, key1, key2) {Select("old_rows")};
                    ELSE INSERT INTO site_changes (kind, key1, key2) {Select("new_rows")} UNION {Select("old_rows")};
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
