using System.Text;
using System.Text.Json;
using HotPapers.Social;
using HotPapers.Social.Bluesky;
using HotPapers.Testing;
using HotPapers.Testing.Jetstream;
using Xunit;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>
/// The triage may skip a frame only if the full path would do nothing with it. Checked as a property: frames are
/// walked in order next to a reference that parses every frame and decides as <c>JetstreamIngestor</c> does
/// (keeping a post only when <see cref="BlueskyPostReader.MayLinkPaper"/> holds and papers are found, counting
/// likes, reposts and quotes of kept posts, forgetting them on delete); every frame the reference acts on must
/// have been sent for parsing, and every skipped frame must carry its own <c>time_us</c>.
/// </summary>
public sealed class JetstreamTriageTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void It_never_skips_a_generated_frame_the_full_path_acts_on(int seed)
    {
        var frames = JetstreamStreamGenerator.Generate(30_000, seed).Select(e => e.Json).ToList();
        var skipped = CheckNeverSkipsRelevant(frames).Skipped;
        // Most of the stream is likes, reposts and posts that cannot matter: they must not be parsed.
        Assert.True(skipped > frames.Count / 2, $"only {skipped} of {frames.Count} frames were skipped");
    }

    [Fact]
    public void It_never_skips_a_spec_sample_the_full_path_acts_on()
    {
        var lines = File.ReadAllLines(TestData.PathOf("bluesky", "jetstream-spec-sample.jsonl")).Where(l => l.Length > 0).ToList();
        CheckNeverSkipsRelevant(lines);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void It_never_skips_a_paper_link_spelt_in_other_case_escaped_or_with_lookalike_letters(int seed)
    {
        // The same stream with every paper link in turn in each form external-formats.md §3.3 knows, and every marker
        // rewritten: random case, some characters as \uXXXX escapes (either hex case) and slashes as \/, some as any
        // non-ASCII character OrdinalIgnoreCase equates with them (none in .NET 10; the pre-check does not assume so).
        var random = new Random(seed);
        var lookalikes = Utf8PaperMention.Lookalikes().ToList();
        var forms = 0;
        var frames = JetstreamStreamGenerator.Generate(20_000, seed).Select(e => e.Json)
            .Select(json => json.Contains("arxiv.org/abs/", StringComparison.Ordinal) ? json.Replace("arxiv.org/abs/", OtherForms[forms++ % OtherForms.Length], StringComparison.Ordinal) : json)
            .Select(json => Respelt(json, random, lookalikes))
            .ToList();
        var keptByForm = CheckNeverSkipsRelevant(frames).KeptPosts;
        Assert.True(keptByForm > 100, $"only {keptByForm} posts were kept: the rewritten links should still link papers");
    }

    /// <summary>Paper links in the forms that do not say "arxiv.org/abs/" (the ids that follow are new-style, unversioned or versioned).</summary>
    private static readonly string[] OtherForms =
        ["arxiv.org/abs/", "huggingface.co/papers/", "hf.co/papers/", "alphaxiv.org/abs/", "ar5iv.org/html/", "doi.org/10.48550/arXiv.", "www.semanticscholar.org/arxiv/", "arXiv:"];

    [Fact]
    public void The_characters_it_treats_as_those_of_its_words_are_exactly_those_ordinal_ignore_case_equates()
    {
        var expected = Enumerable.Range(0, 0x10000).Select(c => (char)c)
            .Where(c => Utf8PaperMention.Words.Any(w => w.Any(l => string.Equals(c.ToString(), l.ToString(), StringComparison.OrdinalIgnoreCase))));
        Assert.Equal(expected, Utf8PaperMention.Lookalikes());
    }

    [Fact]
    public void Every_paper_marker_holds_one_of_the_words_it_looks_for()
    {
        foreach (var marker in BlueskyPostReader.PaperMarkers)
            Assert.Contains(Utf8PaperMention.Words, w => marker.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("""{"did":"did:plc:a","time_us":17,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.like","rkey":"x"}""")]
    [InlineData("""{"did":"did:plc:a","time_us":17,"kind":"account"} trailing""")]
    [InlineData("""{"did":"did:plc:a","time_us":"17","kind":"account"}""")]
    [InlineData("""{"did":null,"time_us":17,"kind":"account"}""")]
    [InlineData("""{"time_us":17,"kind":"account"}""")]
    [InlineData("""{"did":"did:plc:a","time_us":0,"kind":"account"}""")]
    [InlineData("""{"did":"did:plc:a","time_us":17,"kind":5}""")]
    [InlineData("""{"did":"did:plc:a","time_us":17,"kind":"commit","commit":[]}""")]
    [InlineData("""{"did":"did:plc:\u0061","time_us":17,"kind":"commit","commit":{"operation":"delete","collection":"app.bsky.feed.like","rkey":"x"}}""")]
    [InlineData("""[1,2]""")]
    public void Frames_it_cannot_vouch_for_go_to_the_full_parse(string json)
    {
        var triage = new JetstreamTriage([], []);
        Assert.True(triage.NeedsParse(Encoding.UTF8.GetBytes(json), out _));
    }

    [Fact]
    public void A_like_of_a_kept_post_is_parsed_and_its_later_delete_too()
    {
        const string kept = "at://did:plc:author/app.bsky.feed.post/3kkeep";
        var triage = new JetstreamTriage([kept], []);
        var like = """{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"rev":"r","operation":"create","collection":"app.bsky.feed.like","rkey":"3like","record":{"$type":"app.bsky.feed.like","subject":{"cid":"c","uri":"at://did:plc:author/app.bsky.feed.post/3kkeep"}},"cid":"c"}}""";
        var otherLike = like.Replace("3kkeep", "3other", StringComparison.Ordinal).Replace("3like", "3like2", StringComparison.Ordinal);
        var unlike = """{"did":"did:plc:fan","time_us":30,"kind":"commit","commit":{"rev":"r","operation":"delete","collection":"app.bsky.feed.like","rkey":"3like"}}""";
        var otherUnlike = unlike.Replace("3like", "3like2", StringComparison.Ordinal);

        Assert.True(triage.NeedsParse(Encoding.UTF8.GetBytes(like), out _));
        Assert.False(triage.NeedsParse(Encoding.UTF8.GetBytes(otherLike), out var t));
        Assert.Equal(20, t);
        Assert.True(triage.NeedsParse(Encoding.UTF8.GetBytes(unlike), out _));
        Assert.False(triage.NeedsParse(Encoding.UTF8.GetBytes(otherUnlike), out t));
        Assert.Equal(30, t);
    }

    [Fact]
    public void Posts_kept_elsewhere_and_learnt_on_a_reload_make_their_likes_parsed()
    {
        var triage = new JetstreamTriage([], []);
        var like = Encoding.UTF8.GetBytes("""{"did":"did:plc:fan","time_us":20,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.repost","rkey":"3r","record":{"subject":{"uri":"at://did:plc:x/app.bsky.feed.post/3p"}}}}""");
        Assert.False(triage.NeedsParse(like, out _));
        triage.AddKept(["at://did:plc:x/app.bsky.feed.post/3p"]);
        Assert.True(triage.NeedsParse(like, out _));
    }

    /// <summary>Every paper marker in the JSON text rewritten (the JSON stays valid and decodes to the same text, ignoring case).</summary>
    private static string Respelt(string json, Random random, List<char> lookalikes)
    {
        foreach (var marker in BlueskyPostReader.PaperMarkers.OrderByDescending(m => m.Length))
        {
            var at = 0;
            while ((at = json.IndexOf(marker, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                var respelt = Respell(json.AsSpan(at, marker.Length), random, lookalikes);
                json = string.Concat(json.AsSpan(0, at), respelt, json.AsSpan(at + marker.Length));
                at += respelt.Length;
            }
        }
        return json;
    }

    private static string Respell(ReadOnlySpan<char> marker, Random random, List<char> lookalikes)
    {
        var text = new StringBuilder();
        foreach (var letter in marker)
        {
            if (letter == '/')
            {
                text.Append(random.Next(2) == 0 ? "\\/" : "/");
                continue;
            }
            var forms = lookalikes.Where(c => string.Equals(c.ToString(), letter.ToString(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (forms.Count == 0) forms = [char.ToLowerInvariant(letter), char.ToUpperInvariant(letter)];
            var c = forms[random.Next(forms.Count)];
            if (random.Next(4) == 0) text.Append(random.Next(2) == 0 ? $"\\u{(int)c:x4}" : $"\\u{(int)c:X4}");
            else text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>Walks the frames through the triage and the reference side by side; returns how many were skipped, and how many posts the reference kept.</summary>
    private static (int Skipped, int KeptPosts) CheckNeverSkipsRelevant(IReadOnlyList<string> frames)
    {
        var triage = new JetstreamTriage([], []);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var counted = new HashSet<(string, string, string)>();
        var everKept = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var utf8 = Encoding.UTF8.GetBytes(frames[i]);
            var needsParse = triage.NeedsParse(utf8, out var timeUs);
            JetstreamFrame? frame;
            try { frame = JsonSerializer.Deserialize(utf8, BlueskyJsonContext.Default.JetstreamFrame); }
            catch (JsonException) { frame = null; }
            if (frame is not { Did: not null, TimeUs: > 0 })
            {
                // Malformed: only the full parse may reject it, so that it is counted and logged as before.
                Assert.True(needsParse, $"frame {i + 1} is malformed but was skipped: {frames[i]}");
                continue;
            }
            var acts = ReferenceActs(frame, kept, counted);
            everKept.UnionWith(kept);
            Assert.True(needsParse || !acts, $"frame {i + 1} was skipped but the full path acts on it: {frames[i]}");
            if (!needsParse)
            {
                skipped++;
                Assert.True(timeUs == frame.TimeUs, $"frame {i + 1}: skipped with time_us {timeUs}, the frame says {frame.TimeUs}");
            }
        }
        return (skipped, everKept.Count);
    }

    /// <summary>Would <c>JetstreamIngestor.ApplyOne</c> read or write the store for this frame? Updates the reference state as it would.</summary>
    private static bool ReferenceActs(JetstreamFrame frame, HashSet<string> kept, HashSet<(string, string, string)> counted)
    {
        if (frame.Did is not { } did) return false;
        if (frame.Kind == "identity") return true;
        if (frame.Kind != "commit" || frame.Commit is not { Collection: { } collection, Rkey: { } rkey, Operation: { } operation } commit) return false;
        if (collection == BlueskyPlatform.PostCollection)
        {
            var uri = AtUri.Post(did, rkey).ToString();
            if (operation == "delete")
            {
                var acts = kept.Contains(uri) || counted.Contains((did, collection, rkey));
                kept.Remove(uri);
                counted.Remove((did, collection, rkey));
                return acts;
            }
            if (operation is not ("create" or "update") || commit.Record is not { } record) return false;
            var quoted = BlueskyPostReader.QuotedUri(record.Embed);
            var quotesKept = operation == "create" && quoted is not null && kept.Contains(quoted);
            var mentions = BlueskyPostReader.MayLinkPaper(record);
            if (mentions && new BlueskyPostReader(ArxivIdFinders.Default).Read(AtUri.Post(did, rkey), record, null, null, DateTimeOffset.UnixEpoch).Papers.Count > 0)
                kept.Add(uri);
            if (quotesKept) counted.Add((did, collection, rkey));
            return mentions || quotesKept;
        }
        if (collection is not (BlueskyPlatform.LikeCollection or BlueskyPlatform.RepostCollection)) return false;
        if (operation == "delete") return counted.Remove((did, collection, rkey));
        if (operation != "create" || commit.Record?.Subject?.Uri is not { } target || !kept.Contains(target)) return false;
        counted.Add((did, collection, rkey));
        return true;
    }
}
