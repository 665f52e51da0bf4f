using HotPapers.Domain;
using static HotPapers.Store.PlainStoredJson;

namespace HotPapers.Store;

/// <summary>
/// Reads a post's stored entities. Every post the site shows is read once to rank its day and once more for its
/// paper's page, and the serializer's per-property machinery cost several microseconds a post; the entities are
/// almost always in the one shape <see cref="StoreJson.Entities"/> writes with plain values (URLs, handles, tags),
/// which is read here by hand. Anything else (escapes, other key orders, numbers out of range, malformed JSON) goes
/// to the serializer, so the result, and any error, is the serializer's.
/// </summary>
internal static class StoredEntities
{
    private static readonly string[] KindNames = ["url", "media", "hashtag", "mention", "cashtag"];

    public static PostEntity[] Read(string json) => TryReadPlain(json) ?? StoreJson.Read<PostEntity[]>(json);

    /// <summary>The entities when <paramref name="json"/> is in the written shape with plain values; otherwise null.</summary>
    internal static PostEntity[]? TryReadPlain(string json) => PlainStoredJson.Array(json, static (ReadOnlySpan<char> s, ref int at, out PostEntity entity) =>
    {
        entity = null!;
        if (!Literal(s, ref at, "{\"kind\":\"") || !Plain(s, ref at, out var kindName)) return false;
        var kind = System.Array.IndexOf(KindNames, kindName);
        if (kind < 0) return false;
        if (!Literal(s, ref at, ",\"start\":") || !Number(s, ref at, out var start)) return false;
        if (!Literal(s, ref at, ",\"end\":") || !Number(s, ref at, out var end)) return false;
        if (!Literal(s, ref at, ",\"value\":\"") || !Plain(s, ref at, out var value)) return false;
        string? display = null, expanded = null;
        if (Literal(s, ref at, ",\"display\":\"") && !Plain(s, ref at, out display)) return false;
        if (Literal(s, ref at, ",\"expanded\":\"") && !Plain(s, ref at, out expanded)) return false;
        if (!Literal(s, ref at, "}")) return false;
        entity = new PostEntity((EntityKind)kind, start, end, value, display, expanded);
        return true;
    });
}
