using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace HotPapers.Bench;

/// <summary>
/// The ceiling for <c>import tweets</c> into SQLite (issue 14): the very rows the import stored, written again into a
/// fresh store with the same schema (migrated by HotPapers, so the same keys and indexes) by the simplest loop there
/// is: one transaction, one prepared <c>INSERT</c> per table, parameters rebound per row. No parsing, no conflict
/// handling, no batching logic: what SQLite itself costs for those rows on this machine. Rows are read into memory
/// before the clock starts. The change log (<c>site_changes</c>) is not copied: the schema's triggers write it here
/// as they did during the import, so the ceiling pays for it as the import does.
/// </summary>
internal static class RawInsertCeiling
{
    public static (TimeSpan Elapsed, TimeSpan Cpu) Measure(string importedDb, string freshDb)
    {
        using (HotPapers.Store.HotPapersStore.Open(freshDb)) { } // the same schema, migrated the same way
        SqliteConnection.ClearAllPools();
        var tables = new List<(string Table, string[] Columns, List<object?[]> Rows)>();
        using (var source = new SqliteConnection($"Data Source={importedDb};Mode=ReadOnly;Pooling=False"))
        {
            source.Open();
            foreach (var table in Names(source, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_version', 'site_changes', 'store_identity') ORDER BY name"))
            {
                using var select = source.CreateCommand();
                select.CommandText = $"SELECT * FROM {table}";
                using var reader = select.ExecuteReader();
                var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
                var rows = new List<object?[]>();
                while (reader.Read())
                {
                    var row = new object?[columns.Length];
                    reader.GetValues(row!);
                    rows.Add(row);
                }
                if (rows.Count > 0) tables.Add((table, columns, rows));
            }
        }

        using var target = new SqliteConnection($"Data Source={freshDb};Pooling=False");
        target.Open();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        using (var tx = target.BeginTransaction())
        {
            foreach (var (table, columns, rows) in tables)
            {
                using var insert = target.CreateCommand();
                insert.Transaction = tx;
                insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
                var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
                insert.Prepare();
                foreach (var row in rows)
                {
                    for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
                    insert.ExecuteNonQuery();
                }
            }
            tx.Commit();
        }
        var elapsed = watch.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        foreach (var (table, _, rows) in tables) Console.WriteLine($"  ceiling wrote {rows.Count:N0} rows into {table}");
        return (elapsed, cpu);
    }

    private static List<string> Names(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }
}
