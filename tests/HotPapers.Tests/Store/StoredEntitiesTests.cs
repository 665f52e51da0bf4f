using CsCheck;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Tests.Store;

/// <summary>
/// The hand-written reader of a post's stored entities against the serializer it stands in for: the same entities
/// from every stored form, and the serializer's error for what is not JSON of entities.
/// </summary>
public class StoredEntitiesTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.OneOf(Gen.Char.AlphaNumeric, Gen.Char['\0', '\u007f'], Gen.Char["\"\\/<>&'+`é日\u2028\u2029\uFEFF\u00A0"],
        Gen.Char['\uD800', '\uDFFF'], Gen.Char['\u0080', '\uFFFF']), 0, 30];

    // Printable ASCII without quotes or backslashes: the URLs, handles and tags the hand-read shape holds.
    private static readonly Gen<string> Plain = Gen.String[Gen.Char['\u0020', '\u007e'].Where(c => c is not ('"' or '\\')), 0, 30];

    private static Gen<PostEntity> Entity(Gen<string> value) =>
        from kind in Gen.Enum<EntityKind>()
        from start in Gen.Int[-3, 500]
        from end in Gen.OneOf(Gen.Int[-3, 500], Gen.Int[-999_999_999, 999_999_999])
        from v in value
        from display in Gen.Null(value)
        from expanded in Gen.Null(value)
        select new PostEntity(kind, start, end, v, display, expanded);

    [Fact]
    public void Plain_entities_are_read_by_hand_as_the_serializer_reads_them()
    {
        Assert.Empty(StoredEntities.TryReadPlain("[]")!);
        Entity(Plain).Array[0, 5].Sample(entities =>
        {
            var json = StoreJson.Entities(entities);
            var read = StoredEntities.TryReadPlain(json);
            Assert.NotNull(read);
            Assert.Equal(StoreJson.Read<PostEntity[]>(json), read);
            Assert.Equal(entities, read);
        }, iter: 20_000);
    }

    [Fact]
    public void Every_stored_form_reads_as_the_serializer_reads_it()
    {
        Entity(Gen.Frequency((3, Plain), (1, Text))).Array[0, 5].Sample(entities =>
        {
            var json = StoreJson.Entities(entities);
            Assert.Equal(StoreJson.Read<PostEntity[]>(json), StoredEntities.Read(json));
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("""[{"kind":"url","start":01,"end":2,"value":"v"}]""")]
    [InlineData("""[{"kind":"url","start":1.0,"end":2,"value":"v"}]""")]
    [InlineData("""[{"kind":"url","start":1,"end":2,"value":"v"},]""")]
    [InlineData("""[{"kind":"url","start":1,"end":2,"value":"v"}""")]
    [InlineData("""[{"kind":"url","start":1,"end":2,"value":"v"}]]""")]
    [InlineData("""[{"kind":"URL","start":1,"end":2,"value":"v"}]""")]
    [InlineData("""[{"kind":"link","start":1,"end":2,"value":"v"}]""")]
    [InlineData("""[{"kind":"url","start":1,"end":2,"value":"v","other":1}]""")]
    [InlineData("""[{"start":1,"kind":"url","end":2,"value":"v"}]""")]
    [InlineData("""[{"kind":"url","start":1,"end":2,"value":"a\"b"}]""")]
    [InlineData("""[{"kind":"url","start":9999999999,"end":2,"value":"v"}]""")]
    [InlineData("""[{"kind":"url","start":-5,"end":-0,"value":"","display":null}]""")]
    [InlineData("[{\"kind\":\"url\",\"start\":1,\"end\":2,\"value\":\"tab\there\"}]")]
    [InlineData("null")]
    [InlineData("[ ]")]
    public void Other_json_reads_or_fails_as_the_serializer_does(string json) => Assert.Equal(Outcome(() => StoreJson.Read<PostEntity[]>(json)), Outcome(() => StoredEntities.Read(json)));

    [Fact]
    public void Damaged_stored_forms_read_or_fail_as_the_serializer_does()
    {
        var damaged = from entities in Entity(Plain).Array[1, 3]
                      let json = StoreJson.Entities(entities)
                      from at in Gen.Int[0, json.Length - 1]
                      from c in Gen.Char["{}[]\",:-0123456789.e\\ a"]
                      from delete in Gen.Bool
                      select delete ? json.Remove(at, 1) : json.Insert(at, c.ToString());
        damaged.Sample(json => Assert.Equal(Outcome(() => StoreJson.Read<PostEntity[]>(json)), Outcome(() => StoredEntities.Read(json))), iter: 20_000);
    }

    /// <summary>The entities as text, or the exception's type: what a reader of the store would see.</summary>
    private static string Outcome(Func<PostEntity[]> read)
    {
        try
        {
            return string.Join("\n", read());
        }
        catch (Exception e)
        {
            return e.GetType().FullName!;
        }
    }
}
