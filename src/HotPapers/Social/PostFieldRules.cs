using System.Buffers;
using HotPapers.Domain;

namespace HotPapers.Social;

/// <summary>
/// What the fields of a post may hold before it is stored: the renderers print them into HTML attributes and link
/// targets of a published post, so a field that is not what the platform would ever send is refused on the way in
/// (and the renderers escape on the way out as well). X handles are <c>[A-Za-z0-9_]{1,15}</c>; <c>lang</c> is a
/// BCP 47 tag; <c>dir</c> is ltr, rtl or auto; link targets are http(s) URLs; no text holds a NUL.
/// </summary>
public static class PostFieldRules
{
    /// <summary>Why <paramref name="post"/> may not be stored, or null when it may.</summary>
    public static string? Problem(SocialPost post)
    {
        if (post.Platform == SocialPost.X && !IsXHandle(post.AuthorHandle)) return $"author handle '{Show(post.AuthorHandle)}' is not an X handle ([A-Za-z0-9_], 1 to 15 characters)";
        if (post.Platform != SocialPost.X && !IsDomainHandle(post.AuthorHandle)) return $"author handle '{Show(post.AuthorHandle)}' is not a handle";
        if (!IsLanguageTag(post.Lang)) return $"lang '{Show(post.Lang)}' is not a BCP 47 language tag";
        if (post.Dir is not ("ltr" or "rtl" or "auto")) return $"dir '{Show(post.Dir)}' is not ltr, rtl or auto";
        if (post.Text.Contains('\0')) return "the text holds a NUL character";
        if (post.AuthorName.Contains('\0')) return "the author name holds a NUL character";
        foreach (var entity in post.Entities)
        {
            switch (entity.Kind)
            {
                case EntityKind.Url or EntityKind.Media when !IsWebUrl(entity.Value):
                    return $"link target '{Show(entity.Value)}' is not an http(s) URL";
                case EntityKind.Url or EntityKind.Media when entity.Expanded is { } expanded && !IsWebUrl(expanded):
                    return $"expanded link '{Show(expanded)}' is not an http(s) URL";
                case EntityKind.Mention when post.Platform == SocialPost.X && !IsXHandle(entity.Value):
                    return $"mention '{Show(entity.Value)}' is not an X handle";
            }
            if (entity.Value.Contains('\0') || (entity.Display?.Contains('\0') ?? false)) return "an entity holds a NUL character";
        }
        return null;
    }

    /// <summary>An X username: 1 to 15 ASCII letters, digits or underscores.</summary>
    public static bool IsXHandle(string handle) =>
        handle.Length is >= 1 and <= 15 && !handle.AsSpan().ContainsAnyExcept(XHandleChars);

    private static readonly SearchValues<char> XHandleChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>A Bluesky handle (a domain), a DID standing in for one, or a Hacker News user: no markup characters.</summary>
    public static bool IsDomainHandle(string handle) =>
        handle.Length is >= 1 and <= 253 && handle.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ':');

    /// <summary>
    /// The shape of a BCP 47 tag (RFC 5646 §2.1): a 2–8 letter primary subtag, then subtags of 1–8 letters or
    /// digits. X's own codes (<c>und</c>, <c>qme</c>, <c>zxx</c>) fit it; the registry itself is not consulted.
    /// </summary>
    public static bool IsLanguageTag(string lang)
    {
        if (lang.Length is 0 or > 35) return false;
        var rest = lang.AsSpan();
        for (var first = true; ; first = false)
        {
            var dash = rest.IndexOf('-');
            var part = dash < 0 ? rest : rest[..dash];
            if (first ? part.Length is < 2 or > 8 || part.ContainsAnyExcept(Letters) : part.Length is < 1 or > 8 || part.ContainsAnyExcept(LettersAndDigits))
                return false;
            if (dash < 0) return true;
            rest = rest[(dash + 1)..];
        }
    }

    private static readonly SearchValues<char> Letters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> LettersAndDigits = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    /// <summary>An absolute http or https URL with a host and nothing that could end an HTML attribute.</summary>
    public static bool IsWebUrl(string url) =>
        IsPlainWebUrl(url)
        || Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        && !url.AsSpan().ContainsAny("\"'<>\\ \t\r\n\0`");

    /// <summary>
    /// The common shape, answered without building a <see cref="Uri"/> (every stored post has a link or two):
    /// <c>http(s)://</c> in lower case, a DNS host name (labels of letters, digits and inner hyphens, the last one
    /// starting with a letter) with no port or user, then nothing or a path, query and fragment of unreserved and
    /// sub-delimiter characters (no percent escapes, brackets, quotes or spaces). Every such URL is one the full
    /// check accepts; anything else goes to it.
    /// </summary>
    internal static bool IsPlainWebUrl(string url)
    {
        var rest = url.StartsWith("https://", StringComparison.Ordinal) ? url.AsSpan(8)
            : url.StartsWith("http://", StringComparison.Ordinal) ? url.AsSpan(7) : default;
        if (rest.IsEmpty || url.Length > 2000) return false;
        var hostEnd = rest.IndexOfAny('/', '?', '#');
        var host = hostEnd < 0 ? rest : rest[..hostEnd];
        if (host.Length is 0 or > 253 || host.ContainsAnyExcept(HostChars)) return false;
        var lastLabelStart = 0;
        for (var start = 0; start <= host.Length; )
        {
            var dot = host[start..].IndexOf('.');
            var label = dot < 0 ? host[start..] : host.Slice(start, dot);
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-') return false;
            lastLabelStart = start;
            if (dot < 0) break;
            start += dot + 1;
        }
        if (!char.IsAsciiLetter(host[lastLabelStart])) return false;
        var tail = hostEnd < 0 ? default : rest[hostEnd..];
        return !tail.ContainsAnyExcept(PathChars) && tail.Count('#') <= 1;
    }

    private static readonly SearchValues<char> HostChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.");
    private static readonly SearchValues<char> PathChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/?#=&+:@!$,;*()");

    /// <summary>A field shown in a one-line error: control characters made visible, long values cut.</summary>
    private static string Show(string value)
    {
        var shown = new string(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return shown.Length <= 60 ? shown : shown[..57] + "...";
    }
}
