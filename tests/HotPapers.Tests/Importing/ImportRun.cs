using HotPapers.Importing.Tweets;
using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Importing;

/// <summary>What reading a file gave: its posts in order and its problems as printed (<c>file:line: reason</c>).</summary>
internal sealed record ReadOutcome(TweetFormat? Format, List<ImportedTweet> Tweets, List<string> Problems)
{
    public List<string> Ids => Tweets.Select(t => t.Post.PostId).ToList();

    public ImportedTweet Post(string id) => Assert.Single(Tweets, t => t.Post.PostId == id);

    public static ReadOutcome Of(TweetFileReader reader)
    {
        var tweets = new List<ImportedTweet>();
        var problems = new List<string>();
        foreach (var item in reader.Read())
        {
            if (item.Tweet is { } t) tweets.Add(t);
            else problems.Add(item.Problem!.ToString());
        }
        return new ReadOutcome(reader.Format, tweets, problems);
    }

    public static ReadOutcome OfText(string name, string content, TweetFormat? format = null) => Of(TweetFileReader.FromText(name, content, format));

    public static ReadOutcome OfFile(string path, TweetFormat? format = null) => Of(new TweetFileReader(path, format));
}

internal static class StoreQueries
{
    private static List<T> Query<T>(this HotPapersStore store, string sql, Func<System.Data.Common.DbDataReader, T> row)
    {
        using var command = store.Command(sql);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(row(reader));
        return rows;
    }

    public static List<string> PostIds(HotPapersStore store) => store.Query("SELECT post_id FROM social_posts ORDER BY post_id", r => r.GetString(0));

    public static List<(string PostId, string ArxivId)> Mentions(HotPapersStore store) =>
        store.Query("SELECT post_id, arxiv_id FROM post_arxiv_links ORDER BY post_id, arxiv_id", r => (r.GetString(0), r.GetString(1)));

    public static List<(string PostId, long Reposts, long Likes, string MeasuredAt)> Snapshots(HotPapersStore store) =>
        store.Query("SELECT post_id, reposts, likes, measured_at FROM engagement_snapshots ORDER BY post_id, measured_at",
            r => (r.GetString(0), Convert.ToInt64(r.GetValue(1)), Convert.ToInt64(r.GetValue(2)), r.GetString(3)));
}
