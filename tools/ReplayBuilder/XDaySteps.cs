using HotPapers.Arxiv;
using HotPapers.Pipeline;
using HotPapers.Ranking;
using HotPapers.Social;
using HotPapers.Social.X;

namespace HotPapers.ReplayBuilder;

/// <summary>
/// The steps of a daily run over X up to the post (arxiv, x, metadata, measure, embeds), as <c>hotpapers daily</c>
/// composes them with <c>Daily:Sources=x</c> and the classic rules: the replay builder and the pipeline tests run
/// these against fake or recorded servers and add their own write step.
/// </summary>
public static class XDaySteps
{
    public static List<IDailyStep> Create(ArxivHttp arxivHttp, ArxivOptions arxiv, HttpClient http, XOptions x, TimeProvider measuringClock, EmbedMode embeds)
    {
        var classic = new ClassicOptions();
        return
        [
            new ArxivStep(arxivHttp, arxiv),
            new SourceStep("x", new XSource(http, x)),
            new MetadataStep(arxivHttp, arxiv),
            new MeasureStep(classic, measuringClock),
            new EmbedsStep(new Dictionary<string, IEmbedFetcher> { ["x"] = new XEmbedFetcher(new XOEmbedClient(http, x)) }, classic, embeds),
        ];
    }
}
