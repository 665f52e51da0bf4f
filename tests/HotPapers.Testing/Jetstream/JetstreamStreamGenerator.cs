using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HotPapers.Testing.Jetstream;

/// <summary>What a generated event means, independent of its JSON, so a reference model can count it.</summary>
public abstract record EventFacts;
public sealed record PostCreated(string Uri, bool LinksArxiv, string? Quoted) : EventFacts;
public sealed record PostDeleted(string Uri, string ActorDid, string Rkey) : EventFacts;
public sealed record Engaged(string Collection, string ActorDid, string Rkey, string Subject) : EventFacts;
public sealed record Disengaged(string Collection, string ActorDid, string Rkey) : EventFacts;
public sealed record OtherEvent : EventFacts;

public sealed record GeneratedEvent(long TimeUs, byte[] Utf8, EventFacts Facts)
{
    public string Json => Encoding.UTF8.GetString(Utf8);
}

/// <summary>
/// Builds a realistic Jetstream stream (spec §5.4 shapes): mostly likes, posts and reposts of ordinary posts, a
/// few posts linking arXiv papers in every way a post can (link facet with UTF-8 offsets past non-ASCII text,
/// external embed, bare text, truncated link text), near misses that must not be kept, likes, reposts and quotes
/// of the kept posts, deletes of some of them, and identity/account events. Deterministic for a seed.
/// </summary>
public sealed class JetstreamStreamGenerator
{
    public const long DefaultStartUs = 1_704_796_268_000_000;

    private readonly Random _random;
    private readonly List<string> _keptPosts = [];
    private readonly List<string> _otherPosts = [];
    private readonly List<(string Collection, string Did, string Rkey)> _engagements = [];
    private readonly List<(string Did, string Rkey)> _quotes = [];
    private long _timeUs;
    private readonly int _stepUs;

    public JetstreamStreamGenerator(int seed, long startUs = DefaultStartUs, int stepUs = 50)
    {
        _random = new Random(seed);
        _timeUs = startUs;
        _stepUs = stepUs;
    }

    public static List<GeneratedEvent> Generate(int count, int seed = 1, long startUs = DefaultStartUs, int stepUs = 50)
    {
        var generator = new JetstreamStreamGenerator(seed, startUs, stepUs);
        var events = new List<GeneratedEvent>(count);
        for (var i = 0; i < count; i++) events.Add(generator.Next());
        return events;
    }

    public GeneratedEvent Next()
    {
        _timeUs += 1 + _random.Next(_stepUs * 2);
        var did = Did(_random.Next(50_000));
        var roll = _random.NextDouble();
        return roll switch
        {
            < 0.03 => ArxivPost(did),
            < 0.035 => NearMissPost(did),
            < 0.045 when _keptPosts.Count > 0 => QuotePost(did),
            < 0.20 => PlainPost(did),
            < 0.40 when _keptPosts.Count > 0 => Engage(did, roll < 0.33 ? Like : Repost, Pick(_keptPosts)),
            < 0.75 => Engage(did, Like, _otherPosts.Count > 0 ? Pick(_otherPosts) : PostUri(Did(7), Tid(_timeUs - 1_000_000))),
            < 0.84 => Engage(did, Repost, _otherPosts.Count > 0 ? Pick(_otherPosts) : PostUri(Did(8), Tid(_timeUs - 2_000_000))),
            < 0.93 when _engagements.Count > 0 => Disengage(),
            < 0.935 when _quotes.Count > 0 => DeleteQuote(),
            < 0.945 => PlainPost(did),
            < 0.95 when _keptPosts.Count > 20 => DeleteKeptPost(),
            < 0.97 => DeleteOther(did),
            < 0.985 => Identity(did),
            _ => Account(did),
        };
    }

    private const string Like = "app.bsky.feed.like";
    private const string Repost = "app.bsky.feed.repost";
    private const string Post = "app.bsky.feed.post";

    private T Pick<T>(List<T> list) => list[_random.Next(list.Count)];

    private static string Did(int n) => "did:plc:" + n.ToString("x6", CultureInfo.InvariantCulture).PadLeft(24, 'q');

    private static string PostUri(string did, string rkey) => $"at://{did}/{Post}/{rkey}";

    private string PaperId() => string.Create(CultureInfo.InvariantCulture, $"24{_random.Next(1, 13):00}.{_random.Next(1, 20000):00000}");

    private GeneratedEvent ArxivPost(string did)
    {
        var rkey = Tid(_timeUs);
        var id = PaperId();
        var (text, facetUri, embedUri) = _random.Next(5) switch
        {
            0 => ($"Schöne Arbeit 🎉 arxiv.org/abs/{id} via @alice.bsky.social #LLM", $"https://arxiv.org/abs/{id}", $"https://arxiv.org/abs/{id}"),
            1 => ($"New paper! https://arxiv.org/pdf/{id}v2 — 面白い論文です", null, null),
            2 => ($"論文: arxiv.org/abs/{id[..6]}...", $"https://arxiv.org/abs/{id}", null),
            3 => ("", null, $"https://www.arxiv.org/abs/{id}v1"),
            _ => ($"Read this 👉 arxiv.org/pdf/{id}", $"https://arxiv.org/pdf/{id}", null),
        };
        var uri = PostUri(did, rkey);
        _keptPosts.Add(uri);
        return Commit(did, Post, rkey, "create", w => WritePostRecord(w, text, facetUri, embedUri, quoted: null), new PostCreated(uri, true, null));
    }

    private GeneratedEvent NearMissPost(string did)
    {
        var rkey = Tid(_timeUs);
        var text = _random.Next(3) switch
        {
            0 => "see notarxiv.org/abs/2401.04088 for details",
            1 => "https://arxiv.org/list/cs.LG/recent is busy today",
            _ => "https://arxiv.org.example.com/abs/2010.13581 looks legit",
        };
        var uri = PostUri(did, rkey);
        _otherPosts.Add(uri);
        return Commit(did, Post, rkey, "create", w => WritePostRecord(w, text, null, null, null), new PostCreated(uri, false, null));
    }

    private GeneratedEvent QuotePost(string did)
    {
        var rkey = Tid(_timeUs);
        var quoted = Pick(_keptPosts);
        var uri = PostUri(did, rkey);
        _quotes.Add((did, rkey));
        _otherPosts.Add(uri);
        return Commit(did, Post, rkey, "create", w => WritePostRecord(w, "this 👇 is worth a read", null, null, quoted), new PostCreated(uri, false, quoted));
    }

    private GeneratedEvent PlainPost(string did)
    {
        var rkey = Tid(_timeUs);
        var uri = PostUri(did, rkey);
        if (_otherPosts.Count < 100_000) _otherPosts.Add(uri);
        var text = _random.Next(3) switch
        {
            0 => "aaaaah.  LIght shines in a corner of WTF....",
            1 => "今日はいい天気ですね ☀️",
            _ => "Read my blog https://example.com/posts/1",
        };
        return Commit(did, Post, rkey, "create", w => WritePostRecord(w, text, text.Contains("https", StringComparison.Ordinal) ? "https://example.com/posts/1" : null, null, null), new PostCreated(uri, false, null));
    }

    private GeneratedEvent Engage(string did, string collection, string subject)
    {
        var rkey = Tid(_timeUs);
        if (_engagements.Count < 200_000) _engagements.Add((collection, did, rkey));
        return Commit(did, collection, rkey, "create", w =>
        {
            w.WriteString("$type", collection);
            w.WriteString("createdAt", Time(_timeUs - 900));
            w.WriteStartObject("subject");
            w.WriteString("cid", "bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4");
            w.WriteString("uri", subject);
            w.WriteEndObject();
        }, new Engaged(collection, did, rkey, subject));
    }

    private GeneratedEvent Disengage()
    {
        var index = _random.Next(_engagements.Count);
        var (collection, did, rkey) = _engagements[index];
        _engagements[index] = _engagements[^1];
        _engagements.RemoveAt(_engagements.Count - 1);
        return Commit(did, collection, rkey, "delete", null, new Disengaged(collection, did, rkey));
    }

    private GeneratedEvent DeleteQuote()
    {
        var index = _random.Next(_quotes.Count);
        var (did, rkey) = _quotes[index];
        _quotes.RemoveAt(index);
        return Commit(did, Post, rkey, "delete", null, new PostDeleted(PostUri(did, rkey), did, rkey));
    }

    private GeneratedEvent DeleteKeptPost()
    {
        var index = _random.Next(_keptPosts.Count);
        var uri = _keptPosts[index];
        _keptPosts.RemoveAt(index);
        var parts = uri["at://".Length..].Split('/');
        return Commit(parts[0], Post, parts[2], "delete", null, new PostDeleted(uri, parts[0], parts[2]));
    }

    /// <summary>A delete of some post nobody here tracks: the common case, which must cost little.</summary>
    private GeneratedEvent DeleteOther(string did)
    {
        var rkey = Tid(_timeUs - 5_000_000_000);
        return Commit(did, Post, rkey, "delete", null, new PostDeleted(PostUri(did, rkey), did, rkey));
    }

    private GeneratedEvent Identity(string did) => Json(w =>
    {
        w.WriteString("did", did);
        w.WriteNumber("time_us", _timeUs);
        w.WriteString("kind", "identity");
        w.WriteStartObject("identity");
        w.WriteString("did", did);
        w.WriteString("handle", "user" + did[^6..] + ".bsky.social");
        w.WriteNumber("seq", _timeUs / 1000);
        w.WriteString("time", Time(_timeUs));
        w.WriteEndObject();
    }, new OtherEvent());

    private GeneratedEvent Account(string did) => Json(w =>
    {
        w.WriteString("did", did);
        w.WriteNumber("time_us", _timeUs);
        w.WriteString("kind", "account");
        w.WriteStartObject("account");
        w.WriteBoolean("active", true);
        w.WriteString("did", did);
        w.WriteNumber("seq", _timeUs / 1000);
        w.WriteString("time", Time(_timeUs));
        w.WriteEndObject();
    }, new OtherEvent());

    private void WritePostRecord(Utf8JsonWriter w, string text, string? facetUri, string? embedUri, string? quoted)
    {
        w.WriteString("$type", Post);
        w.WriteString("createdAt", Time(_timeUs - 1200));
        if (embedUri is not null)
        {
            w.WriteStartObject("embed");
            w.WriteString("$type", "app.bsky.embed.external");
            w.WriteStartObject("external");
            w.WriteString("description", "Abstract: We introduce ...");
            w.WriteString("title", "A paper");
            w.WriteString("uri", embedUri);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else if (quoted is not null)
        {
            w.WriteStartObject("embed");
            w.WriteString("$type", "app.bsky.embed.record");
            w.WriteStartObject("record");
            w.WriteString("cid", "bafyreigh7yhpxq6y5s3rk4ctq3gyjfrp4b3nmvzkmacgdr3j4zdq6vxrqe");
            w.WriteString("uri", quoted);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        if (facetUri is not null)
        {
            // The facet covers the link's displayed text, counted in UTF-8 bytes.
            var shownStart = text.IndexOf("arxiv.org", StringComparison.Ordinal);
            if (shownStart < 0) shownStart = text.IndexOf("https://", StringComparison.Ordinal);
            var shownEnd = text.IndexOf(' ', shownStart) is var space and >= 0 ? space : text.Length;
            w.WriteStartArray("facets");
            w.WriteStartObject();
            w.WriteStartArray("features");
            w.WriteStartObject();
            w.WriteString("$type", "app.bsky.richtext.facet#link");
            w.WriteString("uri", facetUri);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("index");
            w.WriteNumber("byteEnd", Encoding.UTF8.GetByteCount(text.AsSpan(0, shownEnd)));
            w.WriteNumber("byteStart", Encoding.UTF8.GetByteCount(text.AsSpan(0, shownStart)));
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteStartArray("langs");
        w.WriteStringValue(text.Any(c => c > 0x3000) ? "ja" : "en");
        w.WriteEndArray();
        w.WriteString("text", text);
    }

    private GeneratedEvent Commit(string did, string collection, string rkey, string operation, Action<Utf8JsonWriter>? record, EventFacts facts) => Json(w =>
    {
        w.WriteString("did", did);
        w.WriteNumber("time_us", _timeUs);
        w.WriteString("kind", "commit");
        w.WriteStartObject("commit");
        w.WriteString("rev", Tid(_timeUs + 7));
        w.WriteString("operation", operation);
        w.WriteString("collection", collection);
        w.WriteString("rkey", rkey);
        if (record is not null)
        {
            w.WriteStartObject("record");
            record(w);
            w.WriteEndObject();
            w.WriteString("cid", "bafyreidblutgvj75o4q4akzyyejedjj6l3it6hgqwee6jpwv2wqph5fsgm");
        }
        w.WriteEndObject();
    }, facts);

    private GeneratedEvent Json(Action<Utf8JsonWriter> body, EventFacts facts)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return new GeneratedEvent(_timeUs, buffer.WrittenSpan.ToArray(), facts);
    }

    private static string Time(long timeUs) =>
        DateTimeOffset.UnixEpoch.AddTicks(timeUs * 10).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private const string SortableBase32 = "234567abcdefghijklmnopqrstuvwxyz";

    /// <summary>A TID record key for a time: 53 bits of microseconds and a 10-bit clock id, in sortable base32.</summary>
    public static string Tid(long timeUs, int clockId = 17)
    {
        var value = ((ulong)timeUs << 10) | (uint)(clockId & 0x3FF);
        Span<char> chars = stackalloc char[13];
        for (var i = 12; i >= 0; i--)
        {
            chars[i] = SortableBase32[(int)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }
}
