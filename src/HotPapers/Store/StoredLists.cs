using HotPapers.Domain;
using static HotPapers.Store.PlainStoredJson;

namespace HotPapers.Store;

/// <summary>
/// Reads a paper's stored authors and subjects. A site build reads both for every paper twice (its day and its own
/// page), and the serializer costs microseconds each; the stored forms are nearly always plain (no escapes), which is
/// read here by hand. Anything else goes to the serializer, whose result, or error, it is
/// (<see cref="StoredEntities"/> reads a post's entities the same way).
/// </summary>
internal static class StoredLists
{
    public static string[] Authors(string json) => TryReadStrings(json) ?? StoreJson.Read<string[]>(json);

    public static Subject[] Subjects(string json) => TryReadSubjects(json) ?? StoreJson.Read<Subject[]>(json);

    /// <summary>A JSON array of plain strings, <c>["a","b"]</c>, as the serializer writes it; otherwise null.</summary>
    internal static string[]? TryReadStrings(string json) => PlainStoredJson.Array(json, static (ReadOnlySpan<char> s, ref int at, out string value) =>
    {
        value = "";
        return Literal(s, ref at, "\"") && Plain(s, ref at, out value);
    });

    /// <summary>Subjects as the serializer writes them, <c>[{"code":"cs.LG","name":"..."}]</c> (the name left out when null); otherwise null.</summary>
    internal static Subject[]? TryReadSubjects(string json) => PlainStoredJson.Array(json, static (ReadOnlySpan<char> s, ref int at, out Subject subject) =>
    {
        subject = null!;
        if (!Literal(s, ref at, "{\"code\":\"") || !Plain(s, ref at, out var code)) return false;
        string? name = null;
        if (Literal(s, ref at, ",\"name\":\"") && !Plain(s, ref at, out name)) return false;
        if (!Literal(s, ref at, "}")) return false;
        subject = new Subject(code, name);
        return true;
    });
}
