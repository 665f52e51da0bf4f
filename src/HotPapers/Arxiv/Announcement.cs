using HotPapers.Domain;

namespace HotPapers.Arxiv;

/// <summary>How a paper came to be listed on a day: its own new submission, or a cross-list into the target.</summary>
public enum AnnouncementKind
{
    New,
    Cross,
    Replace,
    ReplaceCross,
}

/// <summary>
/// One paper as an announcement source lists it. What a source does not show is null: RSS and OAI-PMH give no
/// subject names, RSS says nothing of a PDF. <see cref="Subjects"/> are primary first.
/// </summary>
public sealed record Announcement(
    ArxivId Id,
    AnnouncementKind Kind,
    string Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<Subject> Subjects,
    bool? HasPdf,
    int Version = 0)
{
    /// <summary>A replacement announces a new version of an old paper, not a new paper.</summary>
    public bool IsNewPaper => Kind is AnnouncementKind.New or AnnouncementKind.Cross;

    public static string KindName(AnnouncementKind kind) => kind switch
    {
        AnnouncementKind.New => "new",
        AnnouncementKind.Cross => "cross",
        AnnouncementKind.Replace => "replace",
        AnnouncementKind.ReplaceCross => "replace-cross",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool TryParseKind(string text, out AnnouncementKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "new": kind = AnnouncementKind.New; return true;
            case "cross": kind = AnnouncementKind.Cross; return true;
            case "replace": case "absonly": kind = AnnouncementKind.Replace; return true;
            case "replace-cross": kind = AnnouncementKind.ReplaceCross; return true;
            default: kind = default; return false;
        }
    }
}

/// <summary>What was announced in one target on one listing date, in listing order.</summary>
public sealed record TargetListing(string Target, DateOnly ListingDate, IReadOnlyList<Announcement> Announcements);

/// <summary>Thrown for a response that cannot be read; the message names the URL and, for XML, the line.</summary>
public sealed class ArxivFormatException(string message, Exception? inner = null) : HotPapers.Http.SourceException("arxiv", message, isTransient: false, inner);
