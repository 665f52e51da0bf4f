using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CsCheck;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Tests.Store;

/// <summary>
/// The hand-written stored forms against what they stand in for: a post's entities as the store's JSON serializer
/// writes them, and a UTC time as the invariant culture formats it. Any difference would change stored bytes.
/// </summary>
public class StoredFormsTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.OneOf(Gen.Char.AlphaNumeric, Gen.Char['\0', '\u007f'], Gen.Char["\"\\/<>&'+`é日\u2028\u2029\uFEFF\u00A0"],
        Gen.Char['\uD800', '\uDFFF'], Gen.Char['\u0080', '\uFFFF']), 0, 30];

    // Printable ASCII, quotes and backslashes included: most values are URLs, handles and tags.
    private static readonly Gen<string> Ascii = Gen.String[Gen.Char['\u0020', '\u007e'], 0, 30];

    private static readonly Gen<string> Value = Gen.Frequency((3, Ascii), (1, Text));

    private static readonly Gen<PostEntity> Entity =
        from kind in Gen.Enum<EntityKind>()
        from start in Gen.Int[-3, 500]
        from end in Gen.Int[-3, 500]
        from value in Value
        from display in Gen.Null(Value)
        from expanded in Gen.Null(Value)
        select new PostEntity(kind, start, end, value, display, expanded);

    // The reflection-based settings the store wrote its JSON columns with before they were source-generated.
    private static readonly JsonSerializerOptions Reflection = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    private static readonly Gen<Subject> SubjectGen = from code in Value from name in Gen.Null(Value) select new Subject(code, name);

    [Fact]
    public void Columns_are_written_and_read_as_the_reflection_serializer_did()
    {
        Gen.Select(Value.Array[0, 4], SubjectGen.Array[0, 3], Entity.Array[0, 4]).Sample((authors, subjects, entities) =>
        {
            IReadOnlyList<string> list = authors;
            var json = (A: JsonSerializer.Serialize(authors, Reflection), S: JsonSerializer.Serialize(subjects, Reflection), E: JsonSerializer.Serialize(entities, Reflection));
            Assert.Equal(json.A, StoreJson.Write(authors));
            Assert.Equal(JsonSerializer.Serialize(list, Reflection), StoreJson.Write(list));
            Assert.Equal(json.S, StoreJson.Subjects(subjects));
            Assert.Equal(json.E, StoreJson.Write(entities));
            // Read back as the reflection serializer reads (not the values written: a lone surrogate comes back as U+FFFD).
            Assert.Equal(JsonSerializer.Deserialize<string[]>(json.A, Reflection), StoreJson.Read<string[]>(json.A));
            Assert.Equal(JsonSerializer.Deserialize<Subject[]>(json.S, Reflection), StoreJson.Read<Subject[]>(json.S));
            Assert.Equal(JsonSerializer.Deserialize<PostEntity[]>(json.E, Reflection), StoreJson.Read<PostEntity[]>(json.E));
        }, iter: 5_000);
        PostEntity[] unnamed = [new((EntityKind)42, 3, 4, "v")];
        Assert.Equal(JsonSerializer.Serialize(unnamed, Reflection), StoreJson.Write(unnamed));
        Assert.Equal(unnamed, StoreJson.Read<PostEntity[]>(JsonSerializer.Serialize(unnamed, Reflection)));
    }

    [Fact]
    public void Columns_are_read_by_hand_as_the_serializer_reads_them()
    {
        Gen.Select(Value.Array[0, 4], SubjectGen.Array[0, 3], Entity.Array[0, 4]).Sample((authors, subjects, entities) =>
        {
            var json = (A: JsonSerializer.Serialize(authors, Reflection), S: JsonSerializer.Serialize(subjects, Reflection), E: JsonSerializer.Serialize(entities, Reflection));
            Assert.Equal(JsonSerializer.Deserialize<string[]>(json.A, Reflection), StoredLists.Authors(json.A));
            Assert.Equal(JsonSerializer.Deserialize<Subject[]>(json.S, Reflection), StoredLists.Subjects(json.S));
            Assert.Equal(JsonSerializer.Deserialize<PostEntity[]>(json.E, Reflection), StoredEntities.Read(json.E));
        }, iter: 5_000);
    }

    // Forms the store does not write: each must read as the serializer reads it, or fail as it fails.
    [Theory]
    [InlineData(" [ \"a\" , \"b\\u00e9\" ] ")]
    [InlineData("[\"a\",null]")]
    [InlineData("null")]
    [InlineData("[1]")]
    [InlineData("[\"a\"] x")]
    [InlineData("[\"a\",]")]
    [InlineData("{}")]
    [InlineData("")]
    [InlineData("[\"\\ud800\"]")]
    public void Other_author_lists_read_as_the_serializer_reads_them(string json) => SameAsSerializer<string[]>(json, StoredLists.Authors);

    [Theory]
    [InlineData("[{\"name\":\"Machine Learning\",\"code\":\"cs.LG\"}]")]
    [InlineData("[{\"code\":\"cs.LG\",\"name\":null}]")]
    [InlineData("[{\"code\":\"cs.LG\",\"code\":\"cs.AI\"}]")]
    [InlineData("[{\"Code\":\"cs.LG\"}]")]
    [InlineData("[{\"code\":null}]")]
    [InlineData("[{\"code\":\"cs.LG\",\"other\":[1,2]}]")]
    [InlineData("[{\"code\":\"cs.LG\"},\"cs.AI\"]")]
    [InlineData("[{}]")]
    public void Other_subject_lists_read_as_the_serializer_reads_them(string json) => SameAsSerializer<Subject[]>(json, StoredLists.Subjects);

    [Theory]
    [InlineData("[{\"value\":\"v\",\"end\":2,\"start\":1,\"kind\":\"mention\"}]")]
    [InlineData("[{\"kind\":\"URL\",\"start\":1,\"end\":2,\"value\":\"v\"}]")]
    [InlineData("[{\"kind\":3,\"start\":1,\"end\":2,\"value\":\"v\"}]")]
    [InlineData("[{\"kind\":\"url\",\"start\":1.5,\"end\":2,\"value\":\"v\"}]")]
    [InlineData("[{\"kind\":\"url\",\"start\":1,\"end\":2}]")]
    [InlineData("[{\"kind\":\"url\",\"start\":1,\"end\":2,\"value\":\"v\",\"display\":null,\"expanded\":\"e\"}]")]
    [InlineData("[{\"kind\":\"url\",\"start\":1,\"end\":2,\"value\":\"v\",\"extra\":true}]")]
    [InlineData("[{\"kind\":\"nope\",\"start\":1,\"end\":2,\"value\":\"v\"}]")]
    [InlineData("[{\"kind\":\"url\",\"start\":99999999999,\"end\":2,\"value\":\"v\"}]")]
    public void Other_entity_lists_read_as_the_serializer_reads_them(string json) => SameAsSerializer<PostEntity[]>(json, StoredEntities.Read);

    private static void SameAsSerializer<T>(string json, Func<string, T> read)
    {
        T? expected;
        try
        {
            expected = JsonSerializer.Deserialize<T>(json, Reflection);
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            Assert.ThrowsAny<Exception>(() => read(json));
            return;
        }
        if (expected is null) Assert.Throws<InvalidDataException>(() => read(json));
        else Assert.Equal(expected, read(json));
    }

    [Fact]
    public void Entities_are_written_as_the_serializer_writes_them()
    {
        Assert.Equal("[]", StoreJson.Entities([]));
        Entity.Array[0, 5].Sample(entities => Assert.Equal(StoreJson.Write(entities), StoreJson.Entities(entities)), iter: 20_000);
    }

    [Fact]
    public void Entities_of_a_kind_the_enum_does_not_name_are_written_as_the_serializer_writes_them()
    {
        PostEntity[] entities = [new(EntityKind.Url, 1, 2, "https://t.co/x"), new((EntityKind)42, 3, 4, "v")];
        Assert.Equal(StoreJson.Write(entities), StoreJson.Entities(entities));
    }

    [Fact]
    public void A_stored_time_is_what_the_invariant_culture_formats()
    {
        DateTimeOffset[] edges = [DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new(1, 1, 1, 0, 0, 0, TimeSpan.Zero), new(999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero),
            new(2021, 6, 10, 12, 0, 0, 7, TimeSpan.FromHours(2)), new(2021, 6, 10, 0, 30, 0, TimeSpan.FromHours(5.5))];
        foreach (var t in edges) Assert.Equal(Reference(t), StoreTime.Utc(t));
        Gen.DateTimeOffset.Sample(t => Assert.Equal(Reference(t), StoreTime.Utc(t)), iter: 20_000);
    }

    private static string Reference(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
