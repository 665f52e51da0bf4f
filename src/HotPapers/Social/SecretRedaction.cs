using System.Text.RegularExpressions;

namespace HotPapers.Social;

/// <summary>
/// Takes secrets out of text that is about to be printed or recorded: the secrets the caller knows (a bearer token,
/// an app password), and anything that looks like one whatever its value (<c>Bearer …</c>, an <c>Authorization</c>
/// header echoed back in JSON or as a header line, Bluesky's session tokens). An error body from a server can echo
/// what it was sent, so every message built from a response body goes through here.
/// </summary>
public static partial class SecretRedaction
{
    public const string Redacted = "(redacted)";

    /// <summary><paramref name="text"/> with every one of <paramref name="secrets"/> and every secret-shaped value replaced.</summary>
    public static string Redact(string text, params ReadOnlySpan<string?> secrets)
    {
        foreach (var secret in secrets)
        {
            // A very short "secret" would blank out ordinary words; real tokens and passwords are longer.
            if (secret is { Length: >= 4 })
            {
                text = text.Replace(secret, Redacted, StringComparison.Ordinal);
                var escaped = Uri.EscapeDataString(secret);
                if (escaped != secret) text = text.Replace(escaped, Redacted, StringComparison.Ordinal);
            }
        }
        text = BearerValue().Replace(text, m => m.Groups["scheme"].Value + Redacted);
        text = JsonSecret().Replace(text, m => m.Groups["name"].Value + Redacted + "\"");
        text = HeaderLine().Replace(text, m => m.Groups["name"].Value + Redacted);
        return text;
    }

    // Only token-length values: a recorded abstract may well say "bearer of" or "basic programming".
    [GeneratedRegex(@"(?<scheme>\b[Bb]earer\s+)(?!\(redacted\))[A-Za-z0-9%._~+/=:-]{16,}", RegexOptions.CultureInvariant)]
    private static partial Regex BearerValue();

    [GeneratedRegex(@"(?<name>""(?:authorization|accessJwt|refreshJwt|password|appPassword|access_token|bearer_token)""\s*:\s*"")(?:[^""\\]|\\.)*""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex JsonSecret();

    [GeneratedRegex(@"(?<name>\b(?:Authorization|Proxy-Authorization|Cookie|Set-Cookie): *)(?!\(redacted\))[^\r\n""\\]+", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();
}
