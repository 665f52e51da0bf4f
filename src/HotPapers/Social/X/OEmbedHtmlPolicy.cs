namespace HotPapers.Social.X;

/// <summary>
/// The allow-list fetched oEmbed HTML must pass before it may reach a post: Twitter's blockquote (class and the
/// documented <c>data-*</c>/<c>align</c> options), <c>p</c> (lang, dir), <c>a</c> (an https href to t.co, twitter.com
/// or x.com), <c>br</c>, and the one widgets.js script line; text with well-formed character references. Anything else
/// (another tag, another attribute, an event handler, a link that is not https to those hosts, unbalanced tags) is
/// refused. The HTML is printed into a Markdown post, where a blank line ends the HTML block and turns whatever
/// follows into Markdown (a heading, a <c>javascript:</c> link): so the blockquote is one line, the only thing outside
/// it is the single line break before the script, and no carriage return or other control character is accepted.
/// </summary>
public static class OEmbedHtmlPolicy
{
    private static readonly string[] Scripts =
    [
        "<script async src=\"https://platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>",
        "<script async src=\"//platform.twitter.com/widgets.js\" charset=\"utf-8\"></script>",
    ];

    private static readonly string[] BlockquoteOptions = ["data-width", "data-dnt", "data-lang", "data-theme", "data-cards", "data-conversation", "align"];
    private static readonly string[] LinkHosts = ["https://t.co/", "https://twitter.com/", "https://x.com/", "https://mobile.twitter.com/"];

    public static bool IsAllowed(string html, out string reason)
    {
        var stack = new Stack<string>();
        var blockquotes = 0;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>') return Fail(out reason, $"a stray '>' at {i}");
            if (c == '\n')
            {
                // One line break, between the closed blockquote and the script: never a blank line, never inside.
                if (stack.Count > 0) return Fail(out reason, $"a line break inside the blockquote at {i}");
                if (i == 0 || html[i - 1] == '\n' || i == html.Length - 1) return Fail(out reason, $"an empty line at {i}");
                i++;
                continue;
            }
            if (char.IsControl(c) && c != '\t') return Fail(out reason, $"the control character U+{(int)c:X4} at {i}");
            if (c == '&')
            {
                if (!IsReference(html, i, out var length)) return Fail(out reason, $"a bare '&' at {i}");
                if (stack.Count == 0) return Fail(out reason, "text outside the blockquote");
                i += length;
                continue;
            }
            if (c != '<')
            {
                if (stack.Count == 0) return Fail(out reason, "text outside the blockquote");
                i++;
                continue;
            }
            var script = Scripts.FirstOrDefault(s => string.CompareOrdinal(html, i, s, 0, s.Length) == 0);
            if (script is not null)
            {
                // One script, after the closed blockquote, and the end of the embed.
                if (stack.Count > 0) return Fail(out reason, "the script is inside the blockquote");
                if (blockquotes == 0) return Fail(out reason, "the script comes before the blockquote");
                if (i + script.Length != html.Length) return Fail(out reason, "something follows the script");
                i += script.Length;
                continue;
            }
            var end = html.IndexOf('>', i);
            if (end < 0) return Fail(out reason, $"an unclosed tag at {i}");
            var tag = html.AsSpan(i + 1, end - i - 1);
            if (!CheckTag(tag, stack, ref blockquotes, out reason)) return false;
            i = end + 1;
        }
        if (stack.Count > 0) return Fail(out reason, $"<{stack.Peek()}> is never closed");
        if (blockquotes != 1) return Fail(out reason, $"{blockquotes} blockquotes, expected one");
        reason = "";
        return true;
    }

    private static bool CheckTag(ReadOnlySpan<char> tag, Stack<string> stack, ref int blockquotes, out string reason)
    {
        if (tag.StartsWith('/'))
        {
            var name = tag[1..].ToString();
            if (stack.Count == 0 || stack.Peek() != name) return Fail(out reason, $"</{name}> closes nothing open");
            stack.Pop();
            reason = "";
            return true;
        }
        var space = tag.IndexOf(' ');
        var tagName = (space < 0 ? tag : tag[..space]).ToString();
        var attributes = space < 0 ? [] : tag[(space + 1)..];
        switch (tagName)
        {
            case "blockquote":
                if (stack.Count > 0) return Fail(out reason, "a blockquote inside another element");
                blockquotes++;
                if (!Attributes(attributes, tagName, (n, v) => n == "class" ? v == "twitter-tweet" : BlockquoteOptions.Contains(n) && IsSimple(v), out reason, "class")) return false;
                stack.Push(tagName);
                return true;
            case "p":
                if (stack.Count != 1 || stack.Peek() != "blockquote") return Fail(out reason, "a <p> outside the blockquote");
                if (!Attributes(attributes, tagName, (n, v) => (n == "lang" && IsSimple(v)) || (n == "dir" && v is "ltr" or "rtl" or "auto"), out reason)) return false;
                stack.Push(tagName);
                return true;
            case "a":
                if (stack.Count == 0 || stack.Peek() == "a") return Fail(out reason, "a link outside the blockquote or inside a link");
                if (!Attributes(attributes, tagName, (n, v) => n == "href" && IsSafeHref(v), out reason, "href")) return false;
                stack.Push(tagName);
                return true;
            case "br":
                if (!attributes.IsEmpty) return Fail(out reason, "<br> with attributes");
                if (stack.Count == 0 || stack.Peek() != "p") return Fail(out reason, "a <br> outside the paragraph");
                reason = "";
                return true;
            default:
                return Fail(out reason, $"the tag <{tagName}> is not allowed");
        }
    }

    /// <summary>Attributes as <c>name="value"</c> separated by single spaces; each must pass <paramref name="allowed"/>.</summary>
    private static bool Attributes(ReadOnlySpan<char> text, string tag, Func<string, string, bool> allowed, out string reason, string? required = null)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!text.IsEmpty)
        {
            var eq = text.IndexOf("=\"");
            if (eq <= 0) return Fail(out reason, $"<{tag}> has a malformed attribute");
            var name = text[..eq].ToString();
            var rest = text[(eq + 2)..];
            var close = rest.IndexOf('"');
            if (close < 0) return Fail(out reason, $"<{tag} {name}> is not closed");
            var value = rest[..close].ToString();
            if (!seen.Add(name) || !allowed(name, value)) return Fail(out reason, $"<{tag}> may not have {name}=\"{value}\"");
            text = rest[(close + 1)..];
            if (!text.IsEmpty)
            {
                if (text[0] != ' ') return Fail(out reason, $"<{tag}> has a malformed attribute");
                text = text[1..];
            }
        }
        if (required is not null && !seen.Contains(required)) return Fail(out reason, $"<{tag}> lacks {required}");
        reason = "";
        return true;
    }

    /// <summary>
    /// The fixed https prefix is what keeps the scheme safe; the word "javascript" further on is just a path or a
    /// query (<c>/hashtag/JavaScript?src=hash</c>), not a scheme.
    /// </summary>
    private static bool IsSafeHref(string href) =>
        LinkHosts.Any(h => href.StartsWith(h, StringComparison.Ordinal))
        && !href.AsSpan().ContainsAny("<>'\" \t\n\r\\");

    private static bool IsSimple(string value) => value.Length is > 0 and <= 32 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsReference(string html, int at, out int length)
    {
        length = 0;
        var semi = html.IndexOf(';', at);
        if (semi < 0 || semi - at > 10) return false;
        var body = html.AsSpan(at + 1, semi - at - 1);
        var ok = body.Length > 0 && (body[0] == '#'
            ? body.Length > 1 && (body[1] is 'x' or 'X' ? body.Length > 2 && body[2..].ContainsAnyExcept("0123456789abcdefABCDEF") is false : !body[1..].ContainsAnyExceptInRange('0', '9'))
            : !body.ContainsAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"));
        length = semi - at + 1;
        return ok;
    }

    private static bool Fail(out string reason, string why)
    {
        reason = why;
        return false;
    }
}
