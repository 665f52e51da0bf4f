namespace HotPapers.Social.Bluesky;

/// <summary>An <c>at://&lt;did&gt;/&lt;collection&gt;/&lt;rkey&gt;</c> record address, the key Bluesky posts are stored under.</summary>
public readonly record struct AtUri(string Did, string Collection, string Rkey)
{
    public static AtUri Post(string did, string rkey) => new(did, BlueskyPlatform.PostCollection, rkey);

    public override string ToString() => $"at://{Did}/{Collection}/{Rkey}";

    public static bool TryParse(string? text, out AtUri uri)
    {
        uri = default;
        if (text is null || !text.StartsWith("at://", StringComparison.Ordinal)) return false;
        var parts = text["at://".Length..].Split('/');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0)) return false;
        uri = new AtUri(parts[0], parts[1], parts[2]);
        return true;
    }

    /// <summary>The post's page on bsky.app, addressed by DID (handles change).</summary>
    public string WebUrl => $"https://bsky.app/profile/{Did}/post/{Rkey}";
}
