using CsCheck;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Tests.Store;

/// <summary>The hand-read authors and subjects against the serializer: the same values from every stored form, its error otherwise.</summary>
public class StoredListsTests
{
    private static readonly Gen<string> Text = Gen.String[Gen.OneOf(Gen.Char.AlphaNumeric, Gen.Char['\0', '\u007f'], Gen.Char["\"\\/<>&'+`éü日\u2028\u00A0 "],
        Gen.Char['\uD800', '\uDFFF'], Gen.Char['\u0080', '\uFFFF']), 0, 30];

    private static readonly Gen<string> Name = Gen.Frequency((4, Gen.String[Gen.OneOf(Gen.Char.AlphaNumeric, Gen.Char[" .-'éüß日"]), 0, 30]), (1, Text));

    private static readonly Gen<Subject> Subject = from code in Name from name in Gen.Null(Name) select new Subject(code, name);

    [Fact]
    public void Authors_read_as_the_serializer_reads_them()
    {
        Assert.Empty(StoredLists.TryReadStrings("[]")!);
        Name.Array[0, 8].Sample(authors =>
        {
            var json = StoreJson.Write(authors);
            Assert.Equal(StoreJson.Read<string[]>(json), StoredLists.Authors(json));
            if (!json.Contains('\\')) Assert.NotNull(StoredLists.TryReadStrings(json));
        }, iter: 20_000);
    }

    [Fact]
    public void Subjects_read_as_the_serializer_reads_them()
    {
        Assert.Empty(StoredLists.TryReadSubjects("[]")!);
        Subject.Array[0, 6].Sample(subjects =>
        {
            var json = StoreJson.Subjects(subjects);
            Assert.Equal(StoreJson.Read<Subject[]>(json), StoredLists.Subjects(json));
            if (!json.Contains('\\')) Assert.NotNull(StoredLists.TryReadSubjects(json));
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("""["a",]""")]
    [InlineData("""["a" ,"b"]""")]
    [InlineData("""["a","b"]]""")]
    [InlineData("""[1]""")]
    [InlineData("""[null]""")]
    [InlineData("""[{"code":"cs.LG","name":null}]""")]
    [InlineData("""[{"name":"x","code":"cs.LG"}]""")]
    [InlineData("""[{"code":"cs.LG","other":1}]""")]
    [InlineData("""[{"code":"cs.LG"},]""")]
    [InlineData("null")]
    [InlineData("")]
    public void Other_json_reads_or_fails_as_the_serializer_does(string json)
    {
        Assert.Equal(Outcome(() => StoreJson.Read<string[]>(json)), Outcome(() => StoredLists.Authors(json)));
        Assert.Equal(Outcome(() => StoreJson.Read<Subject[]>(json)), Outcome(() => StoredLists.Subjects(json)));
    }

    [Fact]
    public void Damaged_stored_forms_read_or_fail_as_the_serializer_does()
    {
        var json = from authors in Name.Array[1, 4]
                   from subjects in Subject.Array[1, 3]
                   from which in Gen.Bool
                   select which ? StoreJson.Write(authors) : StoreJson.Subjects(subjects);
        var damaged = from text in json
                      from at in Gen.Int[0, text.Length - 1]
                      from c in Gen.Char["{}[]\",: a\\n"]
                      from delete in Gen.Bool
                      select delete ? text.Remove(at, 1) : text.Insert(at, c.ToString());
        damaged.Sample(text =>
        {
            Assert.Equal(Outcome(() => StoreJson.Read<string[]>(text)), Outcome(() => StoredLists.Authors(text)));
            Assert.Equal(Outcome(() => StoreJson.Read<Subject[]>(text)), Outcome(() => StoredLists.Subjects(text)));
        }, iter: 20_000);
    }

    private static string Outcome<T>(Func<T[]> read)
    {
        try
        {
            return string.Join("\n", read().Select(v => v is null ? "<null>" : v.ToString()));
        }
        catch (Exception e)
        {
            return e.GetType().FullName!;
        }
    }
}
