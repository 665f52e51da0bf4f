using Npgsql;

namespace HotPapers.Testing;

/// <summary>
/// The PostgreSQL server the store tests may use: an admin connection string in
/// <see cref="EnvironmentVariable"/>. Each test gets a database of its own, dropped afterwards.
/// </summary>
public static class TestPostgres
{
    public const string EnvironmentVariable = "HOTPAPERS_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } s ? s : null;

    public static TestDatabase CreateDatabase() => new(ConnectionString ?? throw new InvalidOperationException($"{EnvironmentVariable} is not set"));
}

public sealed class TestDatabase : IDisposable
{
    private readonly string _admin;
    private readonly string _name = "hp_test_" + Guid.NewGuid().ToString("N")[..16];

    public TestDatabase(string admin)
    {
        _admin = admin;
        Execute($"CREATE DATABASE {_name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { Database = _name, Pooling = false }.ToString();
    }

    public string ConnectionString { get; }

    public void Dispose() => Execute($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_admin) { Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
