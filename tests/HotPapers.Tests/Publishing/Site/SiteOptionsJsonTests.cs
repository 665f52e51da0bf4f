using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HotPapers.Publishing;
using HotPapers.Publishing.Site;
using HotPapers.Ranking;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// The options enter the settings key through a hand-written writer; the key must stay the one the reflection
/// serializer gave, or every site built before would be rebuilt whole instead of updated.
/// </summary>
public class SiteOptionsJsonTests
{
    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<SiteOptions> Options() =>
    [
        new SiteOptions(),
        new SiteOptions { BaseUrl = new Uri("https://example.org/hot papers/é/"), Widgets = true, DaysPerPage = 7 },
        new SiteOptions
        {
            Title = "Hot \"Papers\" <&> \u2028 日本",
            Render = new() { Classic = new ClassicOptions { Platforms = [], PaperThreshold = 1 }, IsoDate = true },
        },
        new SiteOptions
        {
            BaseUrl = new Uri("http://[::1]:8080/a?b=c#d"),
            PapersPerCategoryPage = 5,
            FeedEntries = 0,
            Render = new()
            {
                Format = OutputFormat.Json, Embeds = EmbedSource.Snapshot,
                Classic = new ClassicOptions { Platforms = ["x", "bluesky"], PostThreshold = 3, MaxPosts = 99 },
            },
        },
    ];

    [Theory]
    [MemberData(nameof(Options))]
    public void Options_are_written_as_the_reflection_serializer_wrote_them(SiteOptions options) =>
        Assert.Equal(JsonSerializer.Serialize(options, Reflection), SiteOptionsJson.Write(options));
}
