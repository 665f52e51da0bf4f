using Xunit.Sdk;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>Byte comparison that, on failure, names the first differing line and shows both versions of it.</summary>
internal static class TextAssert
{
    public static void SameBytes(byte[] expected, byte[] actual, string what)
    {
        if (expected.AsSpan().SequenceEqual(actual)) return;
        var e = System.Text.Encoding.UTF8.GetString(expected).Split('\n');
        var a = System.Text.Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end of file>";
            var al = i < a.Length ? a[i] : "<end of file>";
            if (el != al) throw new XunitException($"{what}: first difference at line {i + 1}\nexpected: {el}\nactual:   {al}");
        }
        throw new XunitException($"{what}: same lines but different bytes ({expected.Length} vs {actual.Length})");
    }
}
