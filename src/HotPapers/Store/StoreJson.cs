using System.Text.Json;
using System.Text.Json.Serialization;
using HotPapers.Domain;

namespace HotPapers.Store;

/// <summary>The JSON kept in list-valued columns (authors, subjects, entities).</summary>
internal static class StoreJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored JSON is null: {json}");

    public static string Subjects(IEnumerable<Subject> subjects) => Write(subjects.ToArray());

    public static string Entities(IEnumerable<PostEntity> entities) => Write(entities.ToArray());
}
