using Xunit;
using HotPapers.Arxiv;

namespace HotPapers.Tests.Arxiv.Extraction;

/// <summary>Every must-match and must-not-match string of external-formats.md §3.3–3.5.</summary>
public class ArxivIdExtractorTableTests
{
    public static TheoryData<string, string, int?> MustMatch => new()
    {
        // §3.4 edge cases
        { "arXiv:2010.13581v2", "2010.13581", 2 },
        { "arxiv:2010.13581", "2010.13581", null },
        { "https://arxiv.org/pdf/2010.13581v1.pdf", "2010.13581", 1 },
        { "https://arxiv.org/abs/2010.13581?context=cs", "2010.13581", null },
        { "(arXiv:2010.13581)", "2010.13581", null },
        { "arXiv:2010.13581.", "2010.13581", null },
        { "…2010.13581,", "2010.13581", null },
        { "see 2010.13581, and more", "2010.13581", null },
        { "0704.0001", "0704.0001", null },
        { "1412.7878", "1412.7878", null },
        { "1501.00001", "1501.00001", null },
        { "hep-th/9901001", "hep-th/9901001", null },
        { "arXiv:hep-th/9901001v1", "hep-th/9901001", 1 },
        { "math.GT/0309136", "math/0309136", null },
        { "arXiv:math.GT/0309136v2", "math/0309136", 2 },
        { "cond-mat/0207270v2", "cond-mat/0207270", 2 },
        { "10.48550/arXiv.2202.01037", "2202.01037", null },
        { "10.48550/ARXIV.2202.01037", "2202.01037", null },
        { "https://arxiv.org/html/2402.17764v1#S3.T2", "2402.17764", 1 },
        { "https://www.alphaxiv.org/overview/2005.14165v4", "2005.14165", 4 },
        { "2010.13581v0", "2010.13581", null },
        // §3.3 URL forms
        { "https://arxiv.org/abs/2010.13581", "2010.13581", null },
        { "https://arxiv.org/abs/2010.13581v2", "2010.13581", 2 },
        { "http://arxiv.org/abs/2010.13581", "2010.13581", null },
        { "https://www.arxiv.org/abs/2010.13581", "2010.13581", null },
        { "https://arxiv.org/abs/arXiv:2010.13581", "2010.13581", null },
        { "https://arxiv.org/abs/2010.13581?context=cs.LG", "2010.13581", null },
        { "https://arxiv.org/abs/2010.13581?fmt=txt", "2010.13581", null },
        { "https://arxiv.org/abs/2010.13581#S1", "2010.13581", null },
        { "https://arxiv.org/abs/2010.13581/", "2010.13581", null },
        { "https://arxiv.org/abs/hep-th/9901001v1", "hep-th/9901001", 1 },
        { "https://arxiv.org/abs/math.GT/0309136", "math/0309136", null },
        { "https://export.arxiv.org/abs/2010.13581", "2010.13581", null },
        { "https://export.arxiv.org/pdf/2010.13581", "2010.13581", null },
        { "https://arxiv.org/pdf/2010.13581", "2010.13581", null },
        { "https://arxiv.org/pdf/2010.13581v1", "2010.13581", 1 },
        { "https://arxiv.org/pdf/2010.13581.pdf", "2010.13581", null },
        { "https://arxiv.org/pdf/hep-th/9901001v2.pdf", "hep-th/9901001", 2 },
        { "https://arxiv.org/html/2402.17764v1", "2402.17764", 1 },
        { "https://arxiv.org/html/2402.17764v1/", "2402.17764", 1 },
        { "https://arxiv.org/html/2402.17764", "2402.17764", null },
        { "https://arxiv.org/html/2402.17764v1/x1.png", "2402.17764", 1 },
        { "https://arxiv.org/format/2010.13581", "2010.13581", null },
        { "https://arxiv.org/ps/2010.13581", "2010.13581", null },
        { "https://arxiv.org/src/2010.13581", "2010.13581", null },
        { "https://arxiv.org/e-print/2010.13581", "2010.13581", null },
        { "https://doi.org/10.48550/arXiv.2202.01037", "2202.01037", null },
        { "http://dx.doi.org/10.48550/arXiv.2202.01037", "2202.01037", null },
        { "https://ar5iv.labs.arxiv.org/html/1902.10197", "1902.10197", null },
        { "https://ar5iv.org/abs/1902.10197", "1902.10197", null },
        { "https://ar5iv.org/html/1902.10197", "1902.10197", null },
        { "https://ar5iv.labs.arxiv.org/html/1904.01766/assets/x1.png", "1904.01766", null },
        { "https://alphaxiv.org/abs/2601.16073v1", "2601.16073", 1 },
        { "https://www.alphaxiv.org/abs/2005.14165", "2005.14165", null },
        { "https://www.alphaxiv.org/abs/2603.09985.md", "2603.09985", null },
        { "https://huggingface.co/papers/2005.14165", "2005.14165", null },
        { "https://hf.co/papers/2005.14165", "2005.14165", null },
        { "https://www.semanticscholar.org/arxiv/2105.08276", "2105.08276", null },
        { "https://api.semanticscholar.org/graph/v1/paper/arXiv:2601.05740", "2601.05740", null },
        { "https://api.semanticscholar.org/graph/v1/paper/ARXIV:2601.05740", "2601.05740", null },
        { "https://papers.cool/arxiv/2212.11743", "2212.11743", null },
        { "https://scirate.com/arxiv/2212.11743", "2212.11743", null },
        // display_url form (no scheme), as X API v2 gives it
        { "arxiv.org/abs/2010.13581", "2010.13581", null },
        { "Our paper: https://arxiv.org/abs/2010.13581v3.", "2010.13581", 3 },
    };

    public static TheoryData<string> MustNotMatch => new()
    {
        "1234.5678", "0000.0000", "1313.12345", "2000.12345",
        "0703.1234",
        "1501.1234",
        "1412.12345",
        "2010.1358",
        "2010.135810", "12010.13581",
        "3.14159", "2020.10.27", "192.168.1.1", "v1.2.3",
        "10.1109/ICSTW55395.2022.00035",
        "10.1145/3654777",
        "hep-th/9913001",
        "hep-th/0801001",
        "hep-th/990100", "hep-th/99010011",
        "cond-mat.str-el/0101001",
        "stat/0701001", "q-fin/0612001",
        "0307015",
        "https://arxiv.org/list/cs.LG/recent", "https://arxiv.org/a/finzi_m_1",
        "https://arxiv.org/search/?query=2010.13581x",
        "https://www.alphaxiv.org/abs/2608.glm-5",
        "https://arxiv.org.example.com/abs/2010.13581",
        "https://notarxiv.org/abs/2010.13581",
        "pic.twitter.com/5VG6XX9wUo", "https://t.co/G3geBSxlSU",
        "https://t.co/2010.13581",
        "https://huggingface.co/papers/hep-th/9901001",
        "2010.00000",
    };

    [Theory]
    [MemberData(nameof(MustMatch))]
    public void Finds_the_canonical_id_and_the_linked_version(string input, string id, int? version)
    {
        Assert.True(ArxivIdExtractor.TryExtract(input, out var link), $"no id found in '{input}'");
        Assert.Equal(id, link.Id.Value);
        Assert.Equal(version, link.Version);
        Assert.True(Domain.ArxivId.TryParse(link.Id.Value, out var reparsed, out var v) && reparsed == link.Id && v == 0);
    }

    [Theory]
    [MemberData(nameof(MustNotMatch))]
    public void Finds_nothing(string input)
    {
        var found = ArxivIdExtractor.ExtractAll(input);
        Assert.True(found.Count == 0, $"'{input}' gave {string.Join(", ", found)}");
    }

    [Fact]
    public void Kinds_tell_text_url_and_doi_apart()
    {
        Assert.True(ArxivIdExtractor.TryExtract("arXiv:2010.13581", out var text));
        Assert.True(ArxivIdExtractor.TryExtract("https://arxiv.org/abs/2010.13581", out var url));
        Assert.True(ArxivIdExtractor.TryExtract("https://doi.org/10.48550/arXiv.2202.01037", out var doi));
        Assert.Equal(ArxivLinkKind.Text, text.Kind);
        Assert.Equal(ArxivLinkKind.Url, url.Kind);
        Assert.Equal(ArxivLinkKind.Doi, doi.Kind);
    }

    [Fact]
    public void Finds_every_id_in_a_post_in_order()
    {
        const string text = "pdf: https://arxiv.org/pdf/2102.03902.pdf abs: https://arxiv.org/abs/2102.03902 and arXiv:hep-th/9901001v3, not 1313.12345";
        var links = ArxivIdExtractor.ExtractAll(text);
        Assert.Equal(["2102.03902", "2102.03902", "hep-th/9901001v3"], links.Select(l => l.ToString()));
        Assert.Equal(["2102.03902", "hep-th/9901001"], ArxivIdExtractor.DistinctIds([text]).Select(i => i.Value));
    }
}
