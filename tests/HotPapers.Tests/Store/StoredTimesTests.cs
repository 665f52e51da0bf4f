using System.Globalization;
using CsCheck;
using HotPapers.Store;

namespace HotPapers.Tests.Store;

/// <summary>The hand-read stored times against the invariant culture's parser: the same instant, or the same error.</summary>
public class StoredTimesTests
{
    [Fact]
    public void Every_written_time_reads_back_as_the_parser_reads_it()
    {
        Gen.DateTimeOffset.Sample(t =>
        {
            var utc = StoreTime.Utc(t);
            var read = StoreTime.ParseUtc(utc);
            Assert.Equal(Utc(utc), read);
            Assert.Equal(TimeSpan.Zero, read.Offset);
            var local = StoreTime.Local(t.DateTime);
            Assert.Equal(Local(local), StoreTime.ParseLocal(local));
            Assert.Equal(DateTimeKind.Unspecified, StoreTime.ParseLocal(local).Kind);
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("2021-02-29T00:00:00.000Z")]
    [InlineData("2020-02-29T23:59:59.999Z")]
    [InlineData("0000-01-01T00:00:00.000Z")]
    [InlineData("9999-12-31T23:59:59.999Z")]
    [InlineData("2021-13-01T00:00:00.000Z")]
    [InlineData("2021-00-01T00:00:00.000Z")]
    [InlineData("2021-06-31T00:00:00.000Z")]
    [InlineData("2021-06-10T24:00:00.000Z")]
    [InlineData("2021-06-10T23:60:00.000Z")]
    [InlineData("2021-06-10T23:59:60.000Z")]
    [InlineData("2021-06-10T23:59:59.0a0Z")]
    [InlineData("2021-06-10 23:59:59.000Z")]
    [InlineData("2021-06-10T23:59:59.000+")]
    [InlineData("2021-06-10T23:59:59.00Z")]
    [InlineData("+021-06-10T23:59:59.000Z")]
    [InlineData("2021-06-10T23:59:59Z")]
    [InlineData("")]
    public void Other_text_reads_or_fails_as_the_parser_does(string text)
    {
        Assert.Equal(Outcome(() => Utc(text)), Outcome(() => StoreTime.ParseUtc(text)));
        var local = text.Length >= 19 ? text[..19] : text;
        Assert.Equal(Outcome(() => Local(local)), Outcome(() => StoreTime.ParseLocal(local)));
    }

    [Fact]
    public void Damaged_times_read_or_fail_as_the_parser_does()
    {
        var damaged = from t in Gen.DateTimeOffset
                      let text = StoreTime.Utc(t)
                      from at in Gen.Int[0, text.Length - 1]
                      from c in Gen.Char["0123456789-T:.Z +a\u0660"]
                      select text.Remove(at, 1).Insert(at, c.ToString());
        damaged.Sample(text =>
        {
            Assert.Equal(Outcome(() => Utc(text)), Outcome(() => StoreTime.ParseUtc(text)));
            Assert.Equal(Outcome(() => Local(text[..19])), Outcome(() => StoreTime.ParseLocal(text[..19])));
        }, iter: 20_000);
    }

    private static DateTimeOffset Utc(string s) =>
        DateTimeOffset.ParseExact(s, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DateTime Local(string s) => DateTime.ParseExact(s, StoreTime.LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static string Outcome<T>(Func<T> read)
    {
        try
        {
            var value = read();
            return value is DateTimeOffset o ? $"{o.DateTime.Ticks} {o.Offset}" : value is DateTime d ? $"{d.Ticks} {d.Kind}" : $"{value}";
        }
        catch (Exception e)
        {
            return e.GetType().FullName!;
        }
    }
}
