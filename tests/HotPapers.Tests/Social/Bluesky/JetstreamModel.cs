using HotPapers.Testing.Jetstream;

namespace HotPapers.Tests.Social.Bluesky;

/// <summary>
/// The reference answer for a generated stream: what applying every event exactly once, in order, should leave.
/// Written from the events' facts, not their JSON, so it checks the listener rather than repeating it.
/// </summary>
internal sealed class JetstreamModel
{
    public HashSet<string> Kept { get; } = [];
    public HashSet<string> EverKept { get; } = [];
    public Dictionary<string, (long Likes, long Reposts, long Quotes)> Counts { get; } = [];
    private readonly Dictionary<(string, string, string), string> _engagements = [];

    public static JetstreamModel Of(IEnumerable<GeneratedEvent> events)
    {
        var model = new JetstreamModel();
        foreach (var e in events) model.Apply(e.Facts);
        return model;
    }

    private void Apply(EventFacts facts)
    {
        switch (facts)
        {
            case PostCreated created:
                if (created.LinksArxiv && Kept.Add(created.Uri))
                {
                    EverKept.Add(created.Uri);
                    Counts[created.Uri] = (0, 0, 0);
                }
                if (created.Quoted is { } quoted && Kept.Contains(quoted))
                {
                    var parts = created.Uri["at://".Length..].Split('/');
                    _engagements[("app.bsky.feed.post", parts[0], parts[2])] = quoted;
                    Change(quoted, 0, 0, +1);
                }
                break;
            case PostDeleted deleted:
                if (_engagements.Remove(("app.bsky.feed.post", deleted.ActorDid, deleted.Rkey), out var subject)) Change(subject, 0, 0, -1);
                Kept.Remove(deleted.Uri);
                break;
            case Engaged engaged when Kept.Contains(engaged.Subject):
                _engagements[(engaged.Collection, engaged.ActorDid, engaged.Rkey)] = engaged.Subject;
                Change(engaged.Subject, engaged.Collection.EndsWith("like", StringComparison.Ordinal) ? 1 : 0, engaged.Collection.EndsWith("repost", StringComparison.Ordinal) ? 1 : 0, 0);
                break;
            case Disengaged gone:
                if (_engagements.Remove((gone.Collection, gone.ActorDid, gone.Rkey), out var target))
                    Change(target, gone.Collection.EndsWith("like", StringComparison.Ordinal) ? -1 : 0, gone.Collection.EndsWith("repost", StringComparison.Ordinal) ? -1 : 0, 0);
                break;
        }
    }

    private void Change(string uri, int likes, int reposts, int quotes)
    {
        var (l, r, q) = Counts[uri];
        Counts[uri] = (l + likes, r + reposts, q + quotes);
    }
}
