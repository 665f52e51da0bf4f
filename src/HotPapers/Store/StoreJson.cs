using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>The JSON kept in list-valued columns (authors, subjects, entities).</summary>
internal static class StoreJson
{
    // The types come from a source-generated context, not reflection: starting the reflection serializer (and
    // JIT-compiling its generic converters) cost a short command such as a site update ~4% of its CPU. The
    // settings are those of the reflection-based options this replaced, so the stored bytes are the same
    // (StoreJsonTests compares both).
    internal static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter<EntityKind>(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = StoreJsonContext.Default,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored JSON is null: {json}");

    public static string Subjects(IEnumerable<Subject> subjects) => Write(subjects.ToArray());

    /// <summary>
    /// The entities of a post, exactly as <see cref="Write{T}"/> would write them (names, order, escaping, nulls left
    /// out), but written by hand: every imported post has some, and the serializer's per-property machinery cost more
    /// than a microsecond and almost a kilobyte of garbage a post. Values that need no escaping (printable ASCII
    /// without quotes or backslashes: URLs, handles, tags) are copied as they are; anything else goes through a
    /// <see cref="Utf8JsonWriter"/> with the serializer's encoder.
    /// </summary>
    public static string Entities(IReadOnlyList<PostEntity> entities)
    {
        foreach (var e in entities)
        {
            if ((uint)e.Kind >= (uint)KindNames.Length) return Write(entities.ToArray()); // not a named kind: as the serializer writes it
            if (!Plain(e.Value) || !Plain(e.Display) || !Plain(e.Expanded)) return EscapedEntities(entities);
        }
        var json = _entityChars ??= new StringBuilder(512);
        json.Clear().Append('[');
        foreach (var e in entities)
        {
            if (json.Length > 1) json.Append(',');
            json.Append("{\"kind\":\"").Append(KindNames[(int)e.Kind].Value).Append(CultureInfo.InvariantCulture, $"\",\"start\":{e.Start},\"end\":{e.End}").Append(",\"value\":\"").Append(e.Value).Append('"');
            if (e.Display is not null) json.Append(",\"display\":\"").Append(e.Display).Append('"');
            if (e.Expanded is not null) json.Append(",\"expanded\":\"").Append(e.Expanded).Append('"');
            json.Append('}');
        }
        return json.Append(']').ToString();
    }

    private static readonly SearchValues<char> NeedNoEscaping =
        SearchValues.Create(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\')).ToArray());

    private static bool Plain(string? value) => value is null || !value.AsSpan().ContainsAnyExcept(NeedNoEscaping);

    private static string EscapedEntities(IReadOnlyList<PostEntity> entities)
    {
        var buffer = _entityBuffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = _entityWriter;
        if (writer is null) _entityWriter = writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder });
        else writer.Reset(buffer);
        writer.WriteStartArray();
        foreach (var e in entities)
        {
            writer.WriteStartObject();
            writer.WriteString(KindName, KindNames[(int)e.Kind]);
            writer.WriteNumber(StartName, e.Start);
            writer.WriteNumber(EndName, e.End);
            writer.WriteString(ValueName, e.Value);
            if (e.Display is not null) writer.WriteString(DisplayName, e.Display);
            if (e.Expanded is not null) writer.WriteString(ExpandedName, e.Expanded);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Reused per thread: an importer's parsing thread writes one post's entities after another.
    [ThreadStatic]
    private static StringBuilder? _entityChars;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _entityBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _entityWriter;

    private static readonly JsonEncodedText KindName = Name(nameof(PostEntity.Kind));
    private static readonly JsonEncodedText StartName = Name(nameof(PostEntity.Start));
    private static readonly JsonEncodedText EndName = Name(nameof(PostEntity.End));
    private static readonly JsonEncodedText ValueName = Name(nameof(PostEntity.Value));
    private static readonly JsonEncodedText DisplayName = Name(nameof(PostEntity.Display));
    private static readonly JsonEncodedText ExpandedName = Name(nameof(PostEntity.Expanded));

    // Indexed by the enum's value; the names the enum converter writes.
    private static readonly JsonEncodedText[] KindNames = Enum.GetValues<EntityKind>().OrderBy(k => (int)k)
        .Select(k => Name(k.ToString())).ToArray();

    private static JsonEncodedText Name(string member) => JsonEncodedText.Encode(JsonNamingPolicy.SnakeCaseLower.ConvertName(member), Options.Encoder);
}

/// <summary>The types kept as JSON in the store's columns.</summary>
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(Subject[]))]
[JsonSerializable(typeof(PostEntity[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
