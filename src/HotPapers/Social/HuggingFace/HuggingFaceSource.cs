namespace HotPapers.Social.HuggingFace;

/// <summary>The daily Hugging Face source: each day of the window's Daily Papers page, one request a day.</summary>
public sealed class HuggingFaceSource(HttpClient http, HuggingFaceOptions options) : ISocialSource
{
    public string Platform => HuggingFacePlatform.Name;

    public async Task<string> CollectAsync(SourceRequest request, CancellationToken cancellationToken)
    {
        var collector = new HuggingFaceCollector(request.Store, http, options, request.Clock);
        var summaries = new List<string>();
        for (var day = request.Window.Start; day <= request.Window.End; day = day.AddDays(1))
        {
            var result = await collector.CollectDayAsync(day, cancellationToken).ConfigureAwait(false);
            summaries.Add($"{day:yyyy-MM-dd}: {result.Entries} daily papers, {result.PapersKept} arXiv papers stored with their upvotes"
                + (result.Skipped > 0 ? $", {result.Skipped} skipped (no arXiv id)" : ""));
        }
        return string.Join("; ", summaries);
    }
}
