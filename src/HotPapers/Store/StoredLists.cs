using HotPapers.Domain;

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
    internal static string[]? TryReadStrings(string json)
    {
        var s = json.AsSpan();
        if (s.Length < 2 || s[0] != '[' || s[^1] != ']' || s.Contains('\\')) return null;
        if (s.Length == 2) return [];
        var values = new List<string>(8);
        var at = 1;
        while (true)
        {
            if (!StoredEntities.Literal(s, ref at, "\"") || !StoredEntities.Plain(s, ref at, out var value)) return null;
            values.Add(value);
            if (StoredEntities.Literal(s, ref at, ",")) continue;
            return at == s.Length - 1 ? values.ToArray() : null;
        }
    }

    /// <summary>Subjects as the serializer writes them, <c>[{"code":"cs.LG","name":"..."}]</c> (the name left out when null); otherwise null.</summary>
    internal static Subject[]? TryReadSubjects(string json)
    {
        var s = json.AsSpan();
        if (s.Length < 2 || s[0] != '[' || s[^1] != ']' || s.Contains('\\')) return null;
        if (s.Length == 2) return [];
        var subjects = new List<Subject>(4);
        var at = 1;
        while (true)
        {
            if (!StoredEntities.Literal(s, ref at, "{\"code\":\"") || !StoredEntities.Plain(s, ref at, out var code)) return null;
            string? name = null;
            if (StoredEntities.Literal(s, ref at, ",\"name\":\"") && !StoredEntities.Plain(s, ref at, out name)) return null;
            if (!StoredEntities.Literal(s, ref at, "}")) return null;
            subjects.Add(new Subject(code, name));
            if (StoredEntities.Literal(s, ref at, ",")) continue;
            return at == s.Length - 1 ? subjects.ToArray() : null;
        }
    }
}
