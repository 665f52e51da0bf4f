using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using HotPapers.Publishing.Site;
using HotPapers.Ranking;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// The options enter the settings key through generated code; the key must stay the one the reflection serializer
/// gave, or every site built before would be rebuilt whole instead of updated.
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
    ];

    [Theory]
    [MemberData(nameof(Options))]
    public void Options_are_written_as_the_reflection_serializer_wrote_them(SiteOptions options) =>
        Assert.Equal(JsonSerializer.Serialize(options, Reflection), JsonSerializer.Serialize(options, SiteOptionsJson.Default.SiteOptions));
}
