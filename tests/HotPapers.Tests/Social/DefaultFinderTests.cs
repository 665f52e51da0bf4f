using HotPapers.Social;
using Xunit;

namespace HotPapers.Tests.Social;

public sealed class DefaultFinderTests
{
    private static string[] Find(string text) => ArxivIdFinders.Default.Find(text).Select(i => i.Value).ToArray();

    [Theory]
    [InlineData("https://arxiv.org/abs/2010.13581", "2010.13581")]
    [InlineData("arxiv.org/abs/2401.04088 via @x", "2401.04088")]
    [InlineData("see https://arxiv.org/pdf/2010.13581v1.pdf.", "2010.13581")]
    [InlineData("(https://www.arxiv.org/abs/2010.13581v2)", "2010.13581")]
    [InlineData("https://export.arxiv.org/abs/2010.13581?context=cs", "2010.13581")]
    [InlineData("HTTPS://ARXIV.ORG/abs/2010.13581", "2010.13581")]
    [InlineData("https://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001")]
    [InlineData("arxiv.org/abs/1412.7878", "1412.7878")]
    [InlineData("arxiv.org/abs/0704.0001", "0704.0001")]
    [InlineData("Schöne Arbeit 🎉 arxiv.org/abs/2401.04088 and arxiv.org/pdf/2401.04088", "2401.04088")]
    public void Finds_abs_and_pdf_links(string text, string id) => Assert.Equal([id], Find(text));

    [Fact]
    public void Finds_several_in_order() =>
        Assert.Equal(["2401.04088", "2010.13581"], Find("arxiv.org/abs/2401.04088 vs https://arxiv.org/pdf/2010.13581"));

    [Theory]
    [InlineData("https://arxiv.org/list/cs.LG/recent")]
    [InlineData("https://arxiv.org.example.com/abs/2010.13581")]
    [InlineData("https://notarxiv.org/abs/2010.13581")]
    [InlineData("arxiv.org/abs/2401.0...")]
    [InlineData("arxiv.org/abs/2010.1358...")]
    [InlineData("arxiv.org/abs/2010.1358")]
    [InlineData("arxiv.org/abs/1501.1234")]
    [InlineData("arxiv.org/abs/1412.12345")]
    [InlineData("arxiv.org/abs/1313.12345")]
    [InlineData("arxiv.org/abs/0703.1234")]
    [InlineData("arxiv.org/abs/2010.00000")]
    [InlineData("https://t.co/G3geBSxlSU")]
    [InlineData("no links at all")]
    public void Ignores_what_is_not_a_paper_link(string text) => Assert.Empty(Find(text));
}
