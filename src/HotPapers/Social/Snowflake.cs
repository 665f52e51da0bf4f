namespace HotPapers.Social;

/// <summary>X post ids are snowflakes: the creation time is in the high bits.</summary>
public static class Snowflake
{
    private const long TwitterEpochMs = 1288834974657;

    public static bool TryGetCreatedAt(string id, out DateTimeOffset createdAt)
    {
        createdAt = default;
        if (!long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)) return false;
        var ms = (value >> 22) + TwitterEpochMs;
        if (ms <= TwitterEpochMs) return false;
        createdAt = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        return true;
    }
}
