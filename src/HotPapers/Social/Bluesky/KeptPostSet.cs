using System.Collections;

namespace HotPapers.Social.Bluesky;

/// <summary>
/// The posts the Jetstream listener counts, by at:// URI, held compactly: it keeps every post it ever kept, and a set
/// of URI strings took ~200 bytes a post (500,000 posts, a year or so of listening, put its peak at 231 MiB). A post's
/// URI is its author's DID and its rkey, and a post's rkey is nearly always a TID (13 base-32 characters carrying 63
/// bits), so a post is held as its author's number and a 64-bit value, each author's DID once. A post whose URI has
/// another shape (an rkey that is not a TID in its canonical spelling) is held as its URI. Exact: the same answers as
/// a set of URI strings (<c>KeptPostSetTests</c>).
/// </summary>
internal sealed class KeptPostSet : IReadOnlyCollection<string>
{
    private const string Scheme = "at://";
    private const string PostPath = "/" + BlueskyPlatform.PostCollection + "/";

    private readonly Dictionary<string, int> _authorNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _authorBySpan;
    private readonly List<string> _authors = [];
    private readonly HashSet<(int Author, ulong Tid)> _byTid = [];
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);

    public KeptPostSet(IEnumerable<string> uris)
    {
        _authorBySpan = _authorNumbers.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var uri in uris) Add(uri);
    }

    public int Count => _byTid.Count + _others.Count;

    public bool Contains(string uri)
    {
        if (!TrySplit(uri, out var did, out var tid)) return _others.Contains(uri);
        return _authorBySpan.TryGetValue(did, out var author) && _byTid.Contains((author, tid));
    }

    /// <summary>True when the post was not kept yet.</summary>
    public bool Add(string uri)
    {
        if (TrySplit(uri, out var did, out var tid)) return _byTid.Add((AuthorNumber(did), tid));
        if (AtUri.TryParse(uri, out var parsed)) AuthorNumber(parsed.Did);
        return _others.Add(uri);
    }

    /// <summary>True when the post was kept.</summary>
    public bool Remove(string uri)
    {
        if (!TrySplit(uri, out var did, out var tid)) return _others.Remove(uri);
        return _authorBySpan.TryGetValue(did, out var author) && _byTid.Remove((author, tid));
    }

    /// <summary>Whether a post by this account was ever kept here (its handle is worth following).</summary>
    public bool HasAuthor(string did) => _authorNumbers.ContainsKey(did);

    public IEnumerator<string> GetEnumerator()
    {
        foreach (var (author, tid) in _byTid) yield return string.Concat(Scheme, _authors[author], PostPath, BlueskyTime.TidText(tid));
        foreach (var uri in _others) yield return uri;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int AuthorNumber(ReadOnlySpan<char> did)
    {
        if (_authorBySpan.TryGetValue(did, out var number)) return number;
        var text = did.ToString();
        number = _authors.Count;
        _authors.Add(text);
        _authorNumbers.Add(text, number);
        return number;
    }

    /// <summary>A post's URI whose rkey is a TID in its canonical spelling: its DID, and the TID's value.</summary>
    private static bool TrySplit(string uri, out ReadOnlySpan<char> did, out ulong tid)
    {
        did = default;
        tid = 0;
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal)) return false;
        var rest = uri.AsSpan(Scheme.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0 || !rest[slash..].StartsWith(PostPath, StringComparison.Ordinal)) return false;
        if (!BlueskyTime.TryReadTid(rest[(slash + PostPath.Length)..], out tid)) return false;
        did = rest[..slash];
        return true;
    }
}
