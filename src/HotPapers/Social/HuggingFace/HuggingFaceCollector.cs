using System.Globalization;
using HotPapers.Domain;
using HotPapers.Store;

namespace HotPapers.Social.HuggingFace;

/// <summary>What a day of Daily Papers stored.</summary>
public sealed record HuggingFaceCollectResult(int Entries, int PapersKept, int Skipped);

/// <summary>
/// A day of Hugging Face Daily Papers into the store: each entry whose paper id is an arXiv id becomes one post
/// (platform <c>huggingface</c>, id <c>&lt;arXiv id&gt;@&lt;day&gt;</c>, so a paper featured on two days is two posts)
/// authored by its submitter, linking the paper, with a snapshot whose likes are the upvotes. One transaction per day;
/// a rerun updates the post and adds a snapshot only when measured at a new instant.
/// </summary>
public sealed class HuggingFaceCollector(HotPapersStore store, HttpClient http, HuggingFaceOptions options, TimeProvider time)
{
    public const string Platform = HuggingFacePlatform.Name;

    private readonly HuggingFaceClient _client = new(http, options);

    public async Task<HuggingFaceCollectResult> CollectDayAsync(DateOnly day, CancellationToken ct)
    {
        var entries = await _client.GetDayAsync(day, ct).ConfigureAwait(false);
        var measuredAt = time.GetUtcNow();
        var (kept, skipped) = store.Write(tx => StoreDay(tx, day, entries, measuredAt));
        return new HuggingFaceCollectResult(entries.Count, kept, skipped);
    }

    /// <summary>The post id of a paper's entry on a day.</summary>
    public static string PostId(ArxivId paper, DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"{paper.Value}@{day:yyyy-MM-dd}");

    /// <summary>The arXiv id a post id names (the part before '@').</summary>
    public static string PaperOf(string postId) => postId.Split('@')[0];

    private static (int Kept, int Skipped) StoreDay(StoreTransaction tx, DateOnly day, List<DailyPaperEntry> entries, DateTimeOffset measuredAt)
    {
        int kept = 0, skipped = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            // Only arXiv papers can be linked; an entry without an id, or with an id arXiv does not use, is skipped.
            if (!ArxivId.TryParse(entry.Paper?.Id, out var paper) || !seen.Add(paper.Value))
            {
                skipped++;
                continue;
            }
            var id = PostId(paper, day);
            var title = (entry.Title ?? entry.Paper!.Title ?? "").Trim();
            var url = HuggingFacePresenter.PaperUrl(paper.Value);
            var text = title.Length == 0 ? url : title + "\n" + url;
            var urlStart = text[..(text.Length - url.Length)].EnumerateRunes().Count();
            var entity = new PostEntity(EntityKind.Url, urlStart, urlStart + url.Length, url);
            var submitter = entry.SubmittedBy ?? entry.Paper!.SubmittedOnDailyBy;
            var handle = submitter?.Name ?? submitter?.User ?? "";
            var name = submitter?.Fullname ?? handle;
            var created = Time(entry.Paper!.SubmittedOnDailyAt) ?? Time(entry.PublishedAt)
                ?? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            tx.Posts.Upsert(new SocialPost(Platform, id, handle, name, created, "en", "ltr", text, [entity]), PostSource.Api);
            var upvotes = (int)Math.Clamp(entry.Paper.Upvotes ?? 0, 0, int.MaxValue);
            tx.Posts.AddSnapshot(new EngagementSnapshot(Platform, id, 0, upvotes, measuredAt));
            tx.Posts.LinkArxiv(Platform, id, paper);
            kept++;
        }
        return (kept, skipped);
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
