using System.Buffers;
using System.Text;
using System.Text.Json;
using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>
/// The JSON columns read back in the form the store writes them (authors, subjects, entities), by a hand-written
/// reader: the serializer's generic converters and metadata are compiled at run time even in a build compiled ahead,
/// and a short command (a site update reads a few hundred posts and papers) spent a noticeable share of its CPU on
/// that. Anything else (another property, another order of types, a duplicate, an enum name in another case) goes
/// to the serializer, which gives the same result or the same error (StoredFormsTests compares them).
/// </summary>
internal static class StoreJsonReader
{
    public static string[] Strings(string json) => Fast(json, ReadStrings) ?? StoreJson.Read<string[]>(json);

    public static Subject[] Subjects(string json) => Fast(json, ReadSubjects) ?? StoreJson.Read<Subject[]>(json);

    public static PostEntity[] Entities(string json) => Fast(json, ReadEntities) ?? StoreJson.Read<PostEntity[]>(json);

    private delegate T[]? ArrayReader<T>(ref Utf8JsonReader reader);

    /// <summary>The array read by <paramref name="read"/> when the whole text is one array of the store's form; otherwise null.</summary>
    private static T[]? Fast<T>(string json, ArrayReader<T> read)
    {
        if (json == "[]") return [];
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var reader = new Utf8JsonReader(rented.AsSpan(0, Encoding.UTF8.GetBytes(json, rented)));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return null;
            var items = read(ref reader);
            return items is not null && !reader.Read() ? items : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null; // not JSON, or a string .NET cannot hold: the serializer says why
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static string[]? ReadStrings(ref Utf8JsonReader reader)
    {
        var items = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray) return items.ToArray();
            if (reader.TokenType != JsonTokenType.String) return null;
            items.Add(reader.GetString()!);
        }
        return null;
    }

    private static Subject[]? ReadSubjects(ref Utf8JsonReader reader)
    {
        var items = new List<Subject>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray) return items.ToArray();
            if (reader.TokenType != JsonTokenType.StartObject) return null;
            string? code = null, name = null;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var bit = reader.ValueTextEquals("code"u8) ? 1 : reader.ValueTextEquals("name"u8) ? 2 : 0;
                if (bit == 0 || (seen & bit) != 0 || !reader.Read()) return null;
                seen |= bit;
                if (bit == 1 && !String(ref reader, out code)) return null;
                if (bit == 2 && !NullOrString(ref reader, out name)) return null;
            }
            if (reader.TokenType != JsonTokenType.EndObject || code is null) return null;
            items.Add(new Subject(code, name));
        }
        return null;
    }

    private static PostEntity[]? ReadEntities(ref Utf8JsonReader reader)
    {
        var items = new List<PostEntity>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndArray) return items.ToArray();
            if (reader.TokenType != JsonTokenType.StartObject) return null;
            EntityKind kind = default;
            int start = 0, end = 0;
            string? value = null, display = null, expanded = null;
            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var bit = reader.ValueTextEquals("kind"u8) ? 1 : reader.ValueTextEquals("start"u8) ? 2 : reader.ValueTextEquals("end"u8) ? 4
                    : reader.ValueTextEquals("value"u8) ? 8 : reader.ValueTextEquals("display"u8) ? 16 : reader.ValueTextEquals("expanded"u8) ? 32 : 0;
                if (bit == 0 || (seen & bit) != 0 || !reader.Read()) return null;
                seen |= bit;
                var ok = bit switch
                {
                    1 => Kind(ref reader, out kind),
                    2 => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out start),
                    4 => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out end),
                    8 => String(ref reader, out value),
                    16 => NullOrString(ref reader, out display),
                    _ => NullOrString(ref reader, out expanded),
                };
                if (!ok) return null;
            }
            if (reader.TokenType != JsonTokenType.EndObject || (seen & 15) != 15) return null;
            items.Add(new PostEntity(kind, start, end, value!, display, expanded));
        }
        return null;
    }

    // The names the store writes (the enum's, snake_case), or a number for a value the enum does not name.
    private static bool Kind(ref Utf8JsonReader reader, out EntityKind kind)
    {
        kind = default;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt32(out var number)) return false;
            kind = (EntityKind)number;
            return true;
        }
        if (reader.TokenType != JsonTokenType.String) return false;
        if (reader.ValueTextEquals("url"u8)) kind = EntityKind.Url;
        else if (reader.ValueTextEquals("media"u8)) kind = EntityKind.Media;
        else if (reader.ValueTextEquals("hashtag"u8)) kind = EntityKind.Hashtag;
        else if (reader.ValueTextEquals("mention"u8)) kind = EntityKind.Mention;
        else if (reader.ValueTextEquals("cashtag"u8)) kind = EntityKind.Cashtag;
        else return false;
        return true;
    }

    private static bool String(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null;
    }

    private static bool NullOrString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }
}
