namespace HotPapers.Social.HuggingFace;

/// <summary>The daily Hugging Face source: each day of the window's Daily Papers page, one request a day.</summary>
public sealed class HuggingFaceSource(HttpClient http, HuggingFaceOptions options) : ISocialSource
{
    public string Platform => HuggingFacePlatform.Name;

    public async Task<string> CollectAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var collector = new HuggingFaceCollector(request.Store, http, options, request.Clock);
        return await EachDay.CollectAsync(request.Window, async day =>
        {
            var result = await collector.CollectDayAsync(day, cancellationToken).ConfigureAwait(false);
            return $"{result.Entries} daily papers, {result.PapersKept} arXiv papers stored with their upvotes"
                + (result.Skipped > 0 ? $", {result.Skipped} skipped (no arXiv id)" : "");
        }).ConfigureAwait(false);
    }
}
