using HotPapers.Arxiv;
using Xunit;

namespace HotPapers.Tests.Arxiv;

public sealed class ListingPageParserTests
{
    [Theory]
    [InlineData("current")]
    [InlineData("legacy")]
    public void Both_layouts_give_the_same_entries(string layout)
    {
        var first = ListingPageParser.Parse(ArxivFixtures.Read($"listing/{layout}/cs-pastweek-skip0.html"), "p1");
        var second = ListingPageParser.Parse(ArxivFixtures.Read($"listing/{layout}/cs-pastweek-skip4.html"), "p2");
        Assert.Equal(7, first.Total);
        Assert.Equal(4, first.EntryCount);
        var day = Assert.Single(first.Sections);
        Assert.Equal(new DateOnly(2020, 10, 27), day.Date);
        Assert.Equal(layout == "current" ? 6 : null, day.DayTotal);
        var paper = day.Entries[0];
        Assert.Equal("2010.13581", paper.Id.Value);
        Assert.Equal("Simplifying Hamiltonian and Lagrangian Neural Networks via Explicit Constraints", paper.Title);
        Assert.Equal(["Marc Finzi", "Ke Alexander Wang", "Andrew Gordon Wilson"], paper.Authors);
        Assert.Equal("Data Analysis, Statistics and Probability (physics.data-an)", paper.Subjects[3].ToString());
        Assert.Equal([true, true, true, false], day.Entries.Select(e => e.HasPdf));
        Assert.Equal([new DateOnly(2020, 10, 27), new DateOnly(2020, 10, 26)], second.Sections.Select(s => s.Date));
        Assert.Equal([AnnouncementKind.Cross, AnnouncementKind.Cross], second.Sections[0].Entries.Select(e => e.Kind));
        Assert.Equal("eess.AS", second.Sections[0].Entries[0].Subjects[0].Code);
    }

    [Theory]
    [InlineData("Tue, 27 Oct 2020 (showing 50 of 212 entries )", 2020, 10, 27, 212)]
    [InlineData("Tue, 27 Oct 2020 (continued, showing last 3 of 96 entries )", 2020, 10, 27, 96)]
    [InlineData("Fri, 27 Jan 2023", 2023, 1, 27, null)]
    [InlineData("Fri, 27 Jan 23", 2023, 1, 27, null)]
    public void Day_headings(string heading, int y, int m, int d, int? total)
    {
        Assert.True(ListingPageParser.TryParseDayHeading(heading, out var day, out var dayTotal));
        Assert.Equal(new DateOnly(y, m, d), day);
        Assert.Equal(total, dayTotal);
    }

    [Fact]
    public void An_unexpected_heading_is_a_clear_error()
    {
        var html = "<div id='dlpage'><h3>New submissions (showing 3 of 3 entries)</h3><dl><dt><a href='/abs/2010.13581'>x</a></dt><dd></dd></dl></div>";
        var error = Assert.Throws<ArxivFormatException>(() => ListingPageParser.Parse(html, "GET http://127.0.0.1/list/cs/new"));
        Assert.Contains("GET http://127.0.0.1/list/cs/new: heading 'New submissions", error.Message, StringComparison.Ordinal);
    }
}
