using Xunit.Sdk;

namespace HotPapers.Testing;

/// <summary>Byte comparison that, on failure, names the first differing line and shows both versions of it.</summary>
public static class Golden
{
    public static void AssertSameBytes(byte[] expected, byte[] actual, string what)
    {
        if (expected.AsSpan().SequenceEqual(actual)) return;
        var expectedLines = System.Text.Encoding.UTF8.GetString(expected).Split('\n');
        var actualLines = System.Text.Encoding.UTF8.GetString(actual).Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
                throw new XunitException($"{what}: first difference at line {i + 1}\n  expected: {e}\n  actual:   {a}");
        }
        throw new XunitException($"{what}: same lines but different bytes ({expected.Length} expected, {actual.Length} actual)");
    }

    public static void AssertSameText(string expected, string actual, string what) =>
        AssertSameBytes(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(actual), what);
}
