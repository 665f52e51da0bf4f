using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// Decides on the raw UTF-8 of a Jetstream frame, without a DOM or a string, whether the listener must parse it
/// at all. Most of the firehose cannot change the store: posts that never say "arxiv", likes and reposts of posts
/// not kept, deletes of records never counted, account events. Those are skipped, and only their <c>time_us</c>
/// is kept (the cursor still moves past them).
/// <para>
/// The rule is one-sided: a frame <see cref="JetstreamIngestor"/> would act on is never skipped. The kept posts
/// and the counted engagements are known here as over-approximations (hashes of every post that may have been
/// kept and every engagement that may have been counted, as the frames sent on for parsing show them), so a hash
/// collision or a post that in the end is not kept only costs a parse. Anything this reader is unsure of (an
/// escaped identifier, an unexpected type, invalid JSON) is sent on too, and the full parse decides as before.
/// </para>
/// <para>
/// Owned by the receiving task. Posts kept by someone else that the committing side learns of on a reload
/// arrive through <see cref="AddKept"/>, which is safe from any thread.
/// </para>
/// </summary>
internal sealed class JetstreamTriage
{
    private readonly UInt64Set _maybeKept = new();
    private readonly UInt64Set _maybeCounted = new();
    private readonly ConcurrentQueue<string> _keptElsewhere = new();

    public JetstreamTriage(IEnumerable<string> keptPosts, IEnumerable<(string Did, string Collection, string Rkey)> engagements)
    {
        // Read from the store row by row at start-up, hundreds of thousands of each in an old store.
        foreach (var uri in keptPosts) _maybeKept.Add(Hash(uri));
        foreach (var (did, collection, rkey) in engagements) _maybeCounted.Add(EngagementHash(did, collection, rkey));
    }

    /// <summary>Posts the store keeps that this side may not have seen arrive (thread-safe).</summary>
    public void AddKept(IEnumerable<string> uris)
    {
        foreach (var uri in uris) _keptElsewhere.Enqueue(uri);
    }

    /// <summary>
    /// What the listener hands on for a frame: its time alone when it cannot matter, else the frame, built from
    /// this scan for a like, repost or delete whose fields are plain, parsed in full otherwise. False: malformed
    /// (<paramref name="error"/> says why when the parse did).
    /// </summary>
    // The scan runs for every frame of the firehose: AggressiveOptimization compiles it optimised at its first call,
    // where tiering would run the first seconds of a listener in unoptimised code and compile it twice more.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryRead(ReadOnlySpan<byte> json, out JetstreamEvent item, out JsonException? error)
    {
        error = null;
        switch (Decide(json, out var timeUs, out var built))
        {
            case Decision.Skip:
                item = new JetstreamEvent(timeUs, null);
                return true;
            case Decision.Built:
                item = new JetstreamEvent(built!.TimeUs, built);
                return true;
        }
        item = default;
        try
        {
            if (JsonSerializer.Deserialize(json, BlueskyJsonContext.Default.JetstreamFrame) is not { Did: not null, TimeUs: > 0 } frame) return false;
            item = new JetstreamEvent(frame.TimeUs, frame);
            return true;
        }
        catch (JsonException e)
        {
            error = e;
            return false;
        }
    }

    /// <summary>
    /// False when the frame can be skipped, with its <paramref name="timeUs"/>; true when the listener acts on it
    /// (then <paramref name="timeUs"/> is not to be used: the parse reads it, or rejects the frame).
    /// </summary>
    public bool NeedsParse(ReadOnlySpan<byte> json, out long timeUs) => Decide(json, out timeUs, out _) != Decision.Skip;

    private enum Decision { Skip, Built, Parse }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Decision Decide(ReadOnlySpan<byte> json, out long timeUs, out JetstreamFrame? built)
    {
        built = null;
        var parse = Relevant(json, out timeUs, out Fields fields);
        if (!parse) return Decision.Skip;
        built = Build(json, ref fields);
        return built is null ? Decision.Parse : Decision.Built;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Relevant(ReadOnlySpan<byte> json, out long timeUs, out Fields fields)
    {
        while (_keptElsewhere.TryDequeue(out var uri)) _maybeKept.Add(Hash(uri));
        timeUs = 0;
        fields = new Fields();
        try
        {
            if (!Scan(json, ref fields)) return true;
            fields.Scanned = true;
        }
        catch (JsonException)
        {
            return true;
        }
        if (fields.Did.Length < 0 || fields.TimeUs <= 0) return true;
        timeUs = fields.TimeUs;
        if (fields.Kind.Is(json, "identity"u8)) return true;
        if (!fields.Kind.Is(json, "commit"u8) || !fields.HasCommit) return false;
        if (fields.Collection.Length < 0 || fields.Rkey.Length < 0 || fields.Operation.Length < 0) return false;

        var did = fields.Did.Of(json);
        var rkey = fields.Rkey.Of(json);
        var collection = fields.Collection.Of(json);
        var delete = fields.Operation.Is(json, "delete"u8);
        var create = fields.Operation.Is(json, "create"u8);
        if (collection.SequenceEqual("app.bsky.feed.post"u8))
        {
            if (delete)
                return _maybeKept.Contains(PostHash(did, rkey)) || _maybeCounted.Contains(EngagementHash(did, collection, rkey));
            if ((!create && !fields.Operation.Is(json, "update"u8)) || !fields.HasRecord) return false;
            var mentions = Utf8PaperMention.MayMention(json[fields.RecordStart..fields.RecordEnd]);
            var quotesKept = create && fields.RecordLinksKept;
            if (mentions) _maybeKept.Add(PostHash(did, rkey));
            if (quotesKept) _maybeCounted.Add(EngagementHash(did, collection, rkey));
            return mentions || quotesKept;
        }
        if (collection.SequenceEqual("app.bsky.feed.like"u8) || collection.SequenceEqual("app.bsky.feed.repost"u8))
        {
            if (delete) return _maybeCounted.Contains(EngagementHash(did, collection, rkey));
            if (!create || !fields.HasRecord || !fields.RecordLinksKept) return false;
            _maybeCounted.Add(EngagementHash(did, collection, rkey));
            return true;
        }
        return false;
    }

    /// <summary>
    /// Reads the whole frame (so invalid JSON is caught here as it is by the parse), noting the top-level and
    /// commit fields the decision needs. False when unsure: the frame is then parsed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Scan(ReadOnlySpan<byte> json, ref Fields fields)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("did"u8)) { if (!ReadString(ref reader, out fields.Did)) return false; }
            else if (reader.ValueTextEquals("time_us"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out fields.TimeUs)) return false;
            }
            else if (reader.ValueTextEquals("kind"u8)) { if (!ReadString(ref reader, out fields.Kind)) return false; }
            else if (reader.ValueTextEquals("commit"u8)) { if (!ScanCommit(ref reader, json, ref fields)) return false; }
            else if (reader.ValueTextEquals("identity"u8))
            {
                fields.HasIdentity = true;
                reader.Read();
                if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null)) return false;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        // Anything after the object is an error the parse reports.
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ScanCommit(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, ref Fields fields)
    {
        reader.Read();
        // A second "commit" replaces the first, as it does in the parse.
        fields.HasCommit = false;
        fields.HasRecord = false;
        fields.RecordLinksKept = false;
        fields.Operation = fields.Collection = fields.Rkey = fields.Rev = Slice.None;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        fields.HasCommit = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("operation"u8)) { if (!ReadString(ref reader, out fields.Operation)) return false; }
            else if (reader.ValueTextEquals("collection"u8)) { if (!ReadString(ref reader, out fields.Collection)) return false; }
            else if (reader.ValueTextEquals("rkey"u8)) { if (!ReadString(ref reader, out fields.Rkey)) return false; }
            else if (reader.ValueTextEquals("rev"u8)) { if (!ReadString(ref reader, out fields.Rev)) return false; }
            else if (reader.ValueTextEquals("cid"u8)) { if (!ReadString(ref reader, out _)) return false; }
            else if (reader.ValueTextEquals("record"u8)) { if (!ScanRecord(ref reader, ref fields)) return false; }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return true;
    }

    /// <summary>
    /// Notes where the record lies and whether any "uri" in it names a post that may be kept: that covers the
    /// subject of a like or repost and the post a quote embeds, wherever the lexicon nests it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool ScanRecord(ref Utf8JsonReader reader, ref Fields fields)
    {
        reader.Read();
        fields.HasRecord = false;
        fields.RecordLinksKept = false;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        fields.HasRecord = true;
        fields.RecordStart = (int)reader.TokenStartIndex;
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) break;
            if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("uri"u8)) continue;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String) continue;
            // An escaped URI is not looked up byte for byte; treat it as possibly kept.
            if (reader.ValueIsEscaped || _maybeKept.Contains(Hash(reader.ValueSpan))) fields.RecordLinksKept = true;
        }
        fields.RecordEnd = (int)reader.BytesConsumed;
        return true;
    }

    /// <summary>A string or null; false for any other type, or an escaped string (not compared byte for byte here).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ReadString(ref Utf8JsonReader reader, out Slice value)
    {
        reader.Read();
        value = Slice.None;
        if (reader.TokenType == JsonTokenType.Null) return true;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped) return false;
        value = new Slice((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
        return true;
    }

    /// <summary>
    /// The frame the listener acts on, made from the scan, for the events that are most of its work: a like or
    /// repost create (it needs only the subject's URI) and any delete (no record). It holds exactly what a full parse
    /// gives the ingestor for them. Null when a full parse must decide: another kind of event, an identity part, a
    /// delete carrying a record, or a record with a field the parse would type-check or an escaped subject URI.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static JetstreamFrame? Build(ReadOnlySpan<byte> json, ref Fields fields)
    {
        if (!fields.Scanned || fields.HasIdentity || fields.Did.Length < 0 || fields.TimeUs <= 0 || !fields.Kind.Is(json, "commit"u8) || !fields.HasCommit
            || fields.Rkey.Length < 0 || fields.Operation.Length < 0) return null;
        var collection = fields.Collection.Of(json);
        var like = collection.SequenceEqual("app.bsky.feed.like"u8);
        var repost = !like && collection.SequenceEqual("app.bsky.feed.repost"u8);
        var post = !like && !repost && collection.SequenceEqual("app.bsky.feed.post"u8);
        PostRecord? record = null;
        string operation;
        if (fields.Operation.Is(json, "delete"u8))
        {
            if (fields.HasRecord || !(like || repost || post)) return null;
            operation = "delete";
        }
        else if (fields.Operation.Is(json, "create"u8) && (like || repost) && fields.HasRecord)
        {
            if (!TryReadEngagementRecord(json[fields.RecordStart..fields.RecordEnd], out var subject)) return null;
            operation = "create";
            record = new PostRecord { Subject = subject };
        }
        else return null;
        return new JetstreamFrame
        {
            Did = Encoding.UTF8.GetString(fields.Did.Of(json)),
            TimeUs = fields.TimeUs,
            Kind = "commit",
            Commit = new JetstreamCommit
            {
                Operation = operation,
                Collection = like ? BlueskyPlatform.LikeCollection : repost ? BlueskyPlatform.RepostCollection : BlueskyPlatform.PostCollection,
                Rkey = Encoding.UTF8.GetString(fields.Rkey.Of(json)),
                Rev = fields.Rev.Length < 0 ? null : Encoding.UTF8.GetString(fields.Rev.Of(json)),
                Record = record,
            },
        };
    }

    /// <summary>
    /// A like or repost record as the parse would map it, its subject only (the last one given wins, as in the
    /// parse); false when a mapped field is not plainly what the parse expects (then the parse decides).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadEngagementRecord(ReadOnlySpan<byte> record, out StrongRef? subject)
    {
        subject = null;
        var reader = new Utf8JsonReader(record);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("subject"u8))
            {
                reader.Read();
                subject = null;
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (reader.TokenType != JsonTokenType.StartObject) return false;
                subject = new StrongRef();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("uri"u8))
                    {
                        reader.Read();
                        if (reader.TokenType == JsonTokenType.Null) subject.Uri = null;
                        else if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped) subject.Uri = Encoding.UTF8.GetString(reader.ValueSpan);
                        else return false;
                    }
                    else if (reader.ValueTextEquals("cid"u8))
                    {
                        reader.Read();
                        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null)) return false;
                    }
                    else if (reader.ValueTextEquals("record"u8))
                    {
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.Null) return false;
                    }
                    else
                    {
                        reader.Read();
                        reader.Skip();
                    }
                }
            }
            else if (reader.ValueTextEquals("$type"u8) || reader.ValueTextEquals("createdAt"u8) || reader.ValueTextEquals("text"u8))
            {
                reader.Read();
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null)) return false;
            }
            else if (reader.ValueTextEquals("langs"u8) || reader.ValueTextEquals("facets"u8) || reader.ValueTextEquals("embed"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null) return false;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong PostHash(ReadOnlySpan<byte> did, ReadOnlySpan<byte> rkey)
    {
        var h = Fnv.Start;
        h = Fnv.Add(h, "at://"u8);
        h = Fnv.Add(h, did);
        h = Fnv.Add(h, "/app.bsky.feed.post/"u8);
        return Fnv.Add(h, rkey);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong EngagementHash(ReadOnlySpan<byte> did, ReadOnlySpan<byte> collection, ReadOnlySpan<byte> rkey)
    {
        var h = Fnv.Add(Fnv.Start, did);
        h = Fnv.Add(h, "|"u8);
        h = Fnv.Add(h, collection);
        h = Fnv.Add(h, "|"u8);
        return Fnv.Add(h, rkey);
    }

    /// <summary>The same value as the form above, from the store's strings.</summary>
    private static ulong EngagementHash(string did, string collection, string rkey) =>
        Fnv.Add(Fnv.Add(Fnv.Add(Fnv.Add(Fnv.Add(Fnv.Start, did), "|"u8), collection), "|"u8), rkey);

    private static ulong Hash(ReadOnlySpan<byte> utf8) => Fnv.Add(Fnv.Start, utf8);

    private static ulong Hash(string text) => Fnv.Add(Fnv.Start, text);

    /// <summary>64-bit FNV-1a: the same value whether the bytes come in one piece or several.</summary>
    private static class Fnv
    {
        public const ulong Start = 14695981039346656037;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static ulong Add(ulong hash, ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes) hash = (hash ^ b) * 1099511628211;
            return hash;
        }

        /// <summary>A string's UTF-8 bytes, encoded on the stack when short (every string the store gives at start-up).</summary>
        public static ulong Add(ulong hash, string text)
        {
            if (Encoding.UTF8.GetMaxByteCount(text.Length) > 512) return Add(hash, Encoding.UTF8.GetBytes(text));
            Span<byte> utf8 = stackalloc byte[512];
            return Add(hash, utf8[..Encoding.UTF8.GetBytes(text, utf8)]);
        }
    }

    /// <summary>Where a string value's bytes lie in the frame; a negative length when absent or null.</summary>
    private readonly record struct Slice(int Start, int Length)
    {
        public static readonly Slice None = new(0, -1);

        public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> json) => Length < 0 ? default : json.Slice(Start, Length);

        public bool Is(ReadOnlySpan<byte> json, ReadOnlySpan<byte> text) => Length == text.Length && Of(json).SequenceEqual(text);
    }

    private struct Fields()
    {
        public Slice Did = Slice.None;
        public long TimeUs;
        public Slice Kind = Slice.None;
        public bool HasCommit;
        public Slice Operation = Slice.None;
        public Slice Collection = Slice.None;
        public Slice Rkey = Slice.None;
        public bool HasRecord;
        public bool RecordLinksKept;
        public int RecordStart;
        public int RecordEnd;
        public Slice Rev = Slice.None;
        public bool HasIdentity;
        public bool Scanned;
    }
}
