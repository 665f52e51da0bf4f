using HotPapers.Domain;
using HotPapers.Publishing.Site;
using Xunit;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>A day's and a paper's files read back to what they were named by, and nothing else read as one.</summary>
public sealed class SitePathsTests
{
    [Fact]
    public void Every_file_of_a_day_reads_back_to_its_window_stem()
    {
        var window = new DigestWindow(new DateOnly(2021, 6, 10), new DateOnly(2021, 6, 10));
        foreach (var path in new[] { SitePaths.Day(window), SitePaths.DayJson(window), SitePaths.ShareImage(window) })
        {
            Assert.True(SitePaths.TryParseDayFile(path, out var stem), path);
            Assert.Equal(window.FileStem, stem);
            Assert.False(SitePaths.TryParsePaperFile(path, out _), path);
        }
    }

    [Fact]
    public void Every_file_of_a_paper_reads_back_to_its_key_old_style_ids_included()
    {
        foreach (var id in new[] { ArxivId.Parse("2106.04560"), ArxivId.Parse("hep-th/9901001") })
            foreach (var path in new[] { SitePaths.Paper(id), SitePaths.PaperJson(id) })
            {
                Assert.True(SitePaths.TryParsePaperFile(path, out var key), path);
                Assert.Equal(id.Value, SitePaths.PaperIdOfKey(key));
                Assert.False(SitePaths.TryParseDayFile(path, out _), path);
            }
    }

    [Theory]
    [InlineData("days/.html")]
    [InlineData("days/a/b.html")]
    [InlineData("days/2021-06-10.json")]
    [InlineData("api/days/2021-06-10.html")]
    [InlineData("og/2021-06-10.jpg")]
    [InlineData("papers/x")]
    [InlineData("api/papers/.json")]
    [InlineData("index.html")]
    public void Other_paths_are_neither(string path)
    {
        Assert.False(SitePaths.TryParseDayFile(path, out _));
        Assert.False(SitePaths.TryParsePaperFile(path, out _));
    }
}
