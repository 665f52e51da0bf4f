using System.Text;
using HotPapers.Domain;
using HotPapers.Importing;
using HotPapers.Social;
using HotPapers.Social.X;
using HotPapers.Testing;

namespace HotPapers.Tests.Security;

/// <summary>
/// Published posts written by someone hostile, and posts whose fields are hostile rendered by the local snapshot
/// renderer (issue 13, items 2 and 8).
/// </summary>
public class HostilePostTests
{
    [Fact]
    public void A_NUL_in_an_abstract_is_refused_at_its_line()
    {
        var seed = Seeds.Text("2021-06-10");
        var abstractLine = seed.Split('\n').First(l => l.Length > 300 && !l.StartsWith('<'));
        var broken = seed.Replace(abstractLine, abstractLine[..20] + "\0" + abstractLine[20..], StringComparison.Ordinal);
        var (error, _) = ImportBroken("nul.md", Encoding.UTF8.GetBytes(broken));
        Assert.Equal($"nul.md:{LineOf(seed, abstractLine)}: a NUL character at column 21", error);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_reported_with_their_line()
    {
        var seed = Seeds.Text("2021-06-10");
        var title = seed.Split('\n').First(l => l.StartsWith("# 2. ", StringComparison.Ordinal));
        var bytes = Encoding.UTF8.GetBytes(seed.Replace(title, title + "\u0001", StringComparison.Ordinal));
        bytes[Array.IndexOf(bytes, (byte)1)] = 0xE9;
        var (error, _) = ImportBroken("latin1.md", bytes);
        Assert.Equal($"latin1.md:{LineOf(seed, title)}: bytes that are not UTF-8 at byte {Encoding.UTF8.GetByteCount(title) + 1} of the line", error);
    }

    [Fact]
    public void A_CR_inside_a_line_is_refused_at_its_line()
    {
        var seed = Seeds.Text("2021-06-10");
        var title = seed.Split('\n').First(l => l.StartsWith("# 3. ", StringComparison.Ordinal));
        var (error, _) = ImportBroken("cr.md", Encoding.UTF8.GetBytes(seed.Replace(title, "# 3. A\r# 99. Injected", StringComparison.Ordinal)));
        Assert.Equal($"cr.md:{LineOf(seed, title)}: a CR at column 7: posts use LF line ends only", error);
    }

    [Fact]
    public void An_embed_with_a_hostile_handle_is_refused_at_its_line()
    {
        var seed = Seeds.Text("2021-06-10");
        var line = seed.Split('\n').First(l => l.StartsWith("<blockquote", StringComparison.Ordinal));
        var post = TweetEmbedParser.Parse(line);
        var handle = $"(@{post.AuthorHandle}) <a href=\"https://twitter.com/{post.AuthorHandle}/status/";
        Assert.Contains(handle, line);
        var hostile = line.Replace(handle, handle.Replace(post.AuthorHandle, "way_too_long_handle_x", StringComparison.Ordinal), StringComparison.Ordinal);
        var (error, _) = ImportBroken("handle.md", Encoding.UTF8.GetBytes(seed.Replace(line, hostile, StringComparison.Ordinal)));
        Assert.Equal($"handle.md:{LineOf(seed, line)}: embed refused: author handle 'way_too_long_handle_x' is not an X handle ([A-Za-z0-9_], 1 to 15 characters)", error);
    }

    private static SocialPost Hostile(string handle = "a", string lang = "en", string dir = "ltr", string text = "see https://t.co/x and @b", IReadOnlyList<PostEntity>? entities = null) =>
        new(SocialPost.X, "1403000000000000001", handle, "Name <b>", new DateTimeOffset(2021, 6, 10, 12, 0, 0, TimeSpan.Zero), lang, dir, text,
            entities ?? [new PostEntity(EntityKind.Url, 4, 17, "https://t.co/x"), new PostEntity(EntityKind.Mention, 22, 24, "b")]);

    public static TheoryData<string, SocialPost> HostilePosts => new()
    {
        { "handle", Hostile(handle: "a\"><script>alert(1)</script>") },
        { "handle with event", Hostile(handle: "x\" onerror=\"alert(1)") },
        { "lang", Hostile(lang: "en\" onmouseover=\"alert(1)") },
        { "dir", Hostile(dir: "ltr\"><script>alert(1)</script><p x=\"") },
        { "mention", Hostile(entities: [new PostEntity(EntityKind.Mention, 22, 24, "b\" onclick=\"alert(1)")]) },
        { "url", Hostile(entities: [new PostEntity(EntityKind.Url, 4, 17, "javascript:alert(1)")]) },
        { "media", Hostile(entities: [new PostEntity(EntityKind.Media, 4, 17, "javascript:alert(1)", "pic.twitter.com/x")]) },
        { "url quote", Hostile(entities: [new PostEntity(EntityKind.Url, 4, 17, "https://t.co/x\" onmouseover=\"alert(1)")]) },
        { "text", Hostile(text: "a\r\r# 99. Injected\r\r<script>alert(1)</script>", entities: []) },
        { "hashtag", Hostile(text: "#x", entities: [new PostEntity(EntityKind.Hashtag, 0, 2, "x\"><script>")]) },
        { "control characters", Hostile(text: "a\u001d\u0085b\u000b", entities: []) },
        { "name with line breaks", Hostile(entities: []) with { AuthorName = "A\n\n# 99. Injected\r" } },
    };

    [Theory]
    [MemberData(nameof(HostilePosts))]
    public void The_snapshot_renderer_escapes_every_field_it_prints(string what, SocialPost post)
    {
        var html = TweetEmbedRenderer.Render(post);
        Assert.True(OEmbedHtmlPolicy.IsAllowed(html, out var reason), $"{what}: {reason}\n{html}");
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotMatch("\\s on[a-z]+=\"", html);
        Assert.DoesNotContain('\r', html);
    }

    /// <summary>Imports a good seed first, then the broken bytes, and checks the store did not change.</summary>
    private static (string Error, int Lines) ImportBroken(string name, byte[] content)
    {
        using var fixture = new StoreFixture().ImportSeed("2021-06-09");
        var before = fixture.Store.RowCounts();
        var path = fixture.Dir.File(name);
        File.WriteAllBytes(path, content);
        var result = new PostArchiveImporter(fixture.Store).ImportFile(path);
        Assert.False(result.Succeeded);
        Assert.Equal(before, fixture.Store.RowCounts());
        return (result.Error!.Replace(fixture.Dir.Path + Path.DirectorySeparatorChar, ""), content.Count(b => b == '\n'));
    }

    private static int LineOf(string text, string marker) => text[..text.IndexOf(marker, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
