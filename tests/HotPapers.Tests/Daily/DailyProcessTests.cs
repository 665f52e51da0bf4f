using HotPapers.Testing;
using Microsoft.Data.Sqlite;

namespace HotPapers.Tests.Daily;

/// <summary>
/// Issue 5, acceptance 2–4: the daily job as separate processes, unattended. Each offline answer is delayed
/// (<c>Daily:ReplayDelayMs</c>) so that a run lasts a few seconds and can be interrupted where the test wants.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class DailyProcessTests
{
    private const string Date = "2021-06-10";
    private const string Token = "ghp_daily_SECRET_0123456789";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("[1/6] arxiv", 50)]     // inside the X search (its one request takes 100 ms)
    [InlineData("[2/6] x", 50)]         // inside the metadata step's one API request (100 ms)
    [InlineData("[3/6] metadata", 0)]   // between the metadata and measure steps
    [InlineData("[3/6] metadata", 800)] // inside the oEmbed fetches (26 of them, 100 ms each)
    [InlineData("[5/6] embeds", 0)]     // as the post is being written
    public async Task Killed_with_SIGKILL_the_rerun_writes_the_same_post_with_the_same_rows(string afterLine, int thenWaitMs)
    {
        using var reference = new TempDirectory();
        var (code, _, error) = await OfflineDailyTests.Daily(reference, OfflineDailyTests.ReplayDir, Date, OfflineDailyTests.GeneratedAt(Date));
        Assert.True(code == 0, error);

        using var dir = new TempDirectory();
        using (var run = StartDaily(dir, dir.File("posts")))
        {
            Assert.True(await run.WaitForLineAsync(afterLine, Patience), $"never saw '{afterLine}': {string.Join('\n', run.Lines)}");
            await Task.Delay(thenWaitMs);
            await run.KillAsync();
        }
        using (var rerun = StartDaily(dir, dir.File("posts")))
        {
            var (rerunCode, output, rerunError) = await rerun.WaitAsync(Patience);
            Assert.True(rerunCode == 0, $"rerun exit {rerunCode}: {rerunError}\n{output}");
        }

        Golden.AssertSameBytes(Seeds.Bytes(Date), File.ReadAllBytes(dir.File($"posts/{Date}---Hot-Papers.md")), "post after kill and rerun");
        AssertSameRowCounts(RowCounts(reference.File("hotpapers.db")), RowCounts(dir.File("hotpapers.db")));
    }

    /// <summary>Row counts per table must be equal; a failure names each table that differs, with both counts.</summary>
    private static void AssertSameRowCounts(SortedDictionary<string, long> expected, SortedDictionary<string, long> actual)
    {
        var differ = expected.Keys.Union(actual.Keys)
            .Where(t => expected.GetValueOrDefault(t, -1) != actual.GetValueOrDefault(t, -1))
            .Select(t => $"{t}: expected {expected.GetValueOrDefault(t, -1)}, actual {actual.GetValueOrDefault(t, -1)}")
            .ToList();
        Assert.True(differ.Count == 0, "row counts differ after kill and rerun: " + string.Join("; ", differ));
    }

    [Fact]
    public async Task Killed_while_pushing_the_rerun_publishes_exactly_one_commit()
    {
        using var dir = new TempDirectory();
        var (remote, clone) = Blog(dir);
        // The remote takes its time to accept a push, so the kill lands inside it.
        var hook = Path.Combine(remote, "hooks", "pre-receive");
        await File.WriteAllTextAsync(hook, "#!/bin/sh\nsleep 3\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using (var run = StartDaily(dir, Path.Combine(clone, "content", "posts"), publishTo: clone))
        {
            Assert.True(await run.WaitForLineAsync("[5/6] embeds", Patience), string.Join('\n', run.Lines));
            await Task.Delay(1500);
            run.KillTree(); // as systemd stops a unit: the run and its git child together
        }
        Assert.Equal("0", Git(remote, "rev-list", "--all", "--count").Trim());
        string output;
        using (var rerun = StartDaily(dir, Path.Combine(clone, "content", "posts"), publishTo: clone))
        {
            (var code, output, var error) = await rerun.WaitAsync(Patience);
            Assert.True(code == 0, $"rerun exit {code}: {error}\n{output}");
            Assert.DoesNotContain(Token, output + error);
        }
        AssertPublishedOnce(remote, clone, output);
    }

    [Fact]
    public async Task Publish_commits_the_new_post_and_pushes_it_without_showing_the_token()
    {
        using var dir = new TempDirectory();
        var (remote, clone) = Blog(dir);
        using var run = StartDaily(dir, Path.Combine(clone, "content", "posts"), publishTo: clone, delayMs: 0);
        var (code, output, error) = await run.WaitAsync(Patience);
        Assert.True(code == 0, $"exit {code}: {error}\n{output}");
        Assert.DoesNotContain(Token, output + error);
        AssertPublishedOnce(remote, clone, output);
    }

    [Fact]
    public async Task A_second_concurrent_run_exits_1_naming_the_holder_and_the_first_completes()
    {
        using var dir = new TempDirectory();
        // The first run must still hold the lock when the second one tries it. Its recorded answers come a few at a
        // time, so at 100 ms each the run held the lock about half a second after this line, and the test once failed
        // on a loaded machine; at 1.5 s each it holds it for several seconds.
        using var first = StartDaily(dir, dir.File("posts"), delayMs: 1500);
        Assert.True(await first.WaitForLineAsync("6 steps", Patience), string.Join('\n', first.Lines));

        using (var second = StartDaily(dir, dir.File("posts"), delayMs: 0))
        {
            var (code, _, error) = await second.WaitAsync(Patience);
            Assert.Equal(1, code);
            Assert.Contains("hotpapers: daily: another run holds the lock", error);
            Assert.Contains($"pid {first.Id} on ", error);
        }

        var (firstCode, output, firstError) = await first.WaitAsync(Patience);
        Assert.True(firstCode == 0, $"first run exit {firstCode}: {firstError}\n{output}");
        Golden.AssertSameBytes(Seeds.Bytes(Date), File.ReadAllBytes(dir.File($"posts/{Date}---Hot-Papers.md")), "post of the run that held the lock");
    }

    private static CliProcess StartDaily(TempDirectory dir, string contentDir, string? publishTo = null, int delayMs = 100)
    {
        var args = new List<string>
        {
            "--db", dir.File("hotpapers.db"), "--now", OfflineDailyTests.GeneratedAt(Date),
            "--setting", "Daily:TimeZone=UTC", "--setting", $"Daily:ReplayDir={OfflineDailyTests.ReplayDir}",
            "--setting", $"Daily:ReplayDelayMs={delayMs}",
            "daily", "--date", Date, "--offline", "--content-dir", contentDir,
        };
        var environment = new Dictionary<string, string>();
        if (publishTo is not null)
        {
            args.InsertRange(0, ["--setting", $"Publish:RepositoryDir={publishTo}"]);
            args.Add("--publish");
            environment["HOTPAPERS_Publish__Token"] = Token;
        }
        return CliProcess.Start(dir.Path, environment, [.. args]);
    }

    private static void AssertPublishedOnce(string remote, string clone, string output)
    {
        Assert.Equal("1", Git(remote, "rev-list", "--count", "master").Trim());
        Assert.Equal("\"new post\"", Git(remote, "log", "-1", "--format=%s", "master").Trim());
        Assert.Equal($"content/posts/{Date}---Hot-Papers.md", Git(remote, "show", "--name-only", "--format=", "master").Trim());
        Assert.Equal(Seeds.Text(Date), Git(remote, "show", $"master:content/posts/{Date}---Hot-Papers.md"));
        Assert.Contains("published as", output);
        Assert.DoesNotContain(Token, File.ReadAllText(Path.Combine(clone, ".git", "config")));
    }

    /// <summary>A bare "blog" repository and a clone of it, with an identity to commit as.</summary>
    private static (string Remote, string Clone) Blog(TempDirectory dir)
    {
        var remote = dir.File("blog.git");
        var clone = dir.File("blog");
        Git(dir.Path, "init", "-q", "--bare", "-b", "master", remote);
        Git(dir.Path, "clone", "-q", remote, clone);
        Git(clone, "config", "user.email", "bot@hotpapers.test");
        Git(clone, "config", "user.name", "Hot Papers bot");
        return (remote, clone);
    }

    /// <summary>Rows per table: a rerun after a crash must not add a single one.</summary>
    private static SortedDictionary<string, long> RowCounts(string db)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)count.ExecuteScalar()!;
        }
        return counts;
    }

    private static string Git(string workingDir, params string[] args) => GitCli.Run(workingDir, args);
}
