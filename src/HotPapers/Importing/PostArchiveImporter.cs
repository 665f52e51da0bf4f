using System.Text;
using HotPapers.Ranking;
using HotPapers.Social;
using HotPapers.Store;

namespace HotPapers.Importing;

/// <summary>What importing one file did.</summary>
public sealed record PostImportResult(string File, int Papers, int Embeds, int EmbedsNotReproducible, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Imports published Hot Papers posts (a blog's whole archive) into the store. Each file is one transaction:
/// a malformed post is refused whole, and the other files still import. Importing a post twice changes nothing.
/// </summary>
public sealed class PostArchiveImporter(HotPapersStore store)
{
    public const string SourceName = "import";

    /// <summary>The Markdown posts named by the arguments: files as given, directories searched for <c>*---Hot-Papers.md</c>.</summary>
    public static IReadOnlyList<string> FindPostFiles(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
                files.AddRange(Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            else
                files.Add(path);
        }
        return files;
    }

    public PostImportResult ImportFile(string path)
    {
        string content;
        try
        {
            var bytes = File.ReadAllBytes(path);
            if (Utf8Lines.FirstInvalid(bytes) is { } bad)
                return new PostImportResult(path, 0, 0, 0, $"{path}:{bad.Line}: {Utf8Lines.Describe(bad)}");
            var body = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(3) : bytes;
            content = Encoding.UTF8.GetString(body);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new PostImportResult(path, 0, 0, 0, $"{path}: cannot read: {e.Message}");
        }
        try
        {
            return Import(HotPapersPostParser.Parse(path, content));
        }
        catch (PostFormatException e)
        {
            return new PostImportResult(path, 0, 0, 0, e.Message);
        }
    }

    public PostImportResult Import(ImportedPost post)
    {
        var embeds = 0;
        var notReproducible = 0;
        store.Write(transaction => transaction.Batched(tx =>
        {
            tx.Digests.Upsert(post.Window, post.GeneratedAt, SourceName, post.Layout);
            var printed = new List<PrintedPaper>(post.Papers.Count);
            foreach (var paper in post.Papers)
            {
                tx.Papers.Upsert(paper.Paper);
                for (var i = 0; i < paper.Embeds.Count; i++)
                {
                    var embed = paper.Embeds[i];
                    tx.Posts.Upsert(embed.Post, PostSource.Embed);
                    tx.Posts.Link(paper.Paper.Id, embed.Post.Platform, embed.Post.PostId, embedOrder: i + 1);
                    tx.Posts.UpsertEmbed(embed.Post.Platform, embed.Post.PostId, embed.Html, SourceName);
                    embeds++;
                    // The stored HTML is what the post shows; a snapshot that differs would show something else.
                    if (TweetEmbedRenderer.Render(embed.Post) != embed.Html) notReproducible++;
                }
                printed.Add(new PrintedPaper(paper.Rank, paper.Paper,
                    paper.Embeds.Select(e => new PrintedEmbed(e.Post.Platform, e.Post.PostId, e.Html)).ToList()));
            }
            // What this post printed is kept for its window, so it renders back whatever is imported later.
            tx.Digests.Print(post.Window, printed);
            foreach (var paper in post.Papers)
                tx.Digests.SetTotals(post.Window, paper.Paper.Id, paper.Reposts, paper.Likes, paper.MeasuredAt, TotalsSource.ImportedPost);
        }));
        return new PostImportResult(post.SourceName, post.Papers.Count, embeds, notReproducible, null);
    }
}
