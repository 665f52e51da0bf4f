using Xunit;
using CsCheck;
using HotPapers.Arxiv;

namespace HotPapers.Tests.Arxiv.Extraction;

/// <summary>
/// The token-first extractor against <see cref="ReferenceArxivIdExtractor"/>, which tries every '.' and '/': from
/// every start position both must find the same match (position, length, version, subject class, kind) or both none.
/// The generated texts are built from the pieces that decide matches (hosts, paths, DOI prefix, <c>arXiv:</c>,
/// archives, digits, separators), so near misses are common, not rare.
/// </summary>
public class ArxivIdExtractorDifferentialTests
{
    private static readonly Gen<string> UrlPrefix = Gen.OneOf("https://arxiv.org/abs/", "https://arxiv.org/abs/arXiv:", "http://export.arxiv.org/pdf/",
        "//arxiv.org/html/", "arxiv.org/abs/", "https://ARXIV.ORG/ABS/", "https://www.alphaxiv.org/overview/", "https://huggingface.co/papers/",
        "https://hf.co/papers/", "https://api.semanticscholar.org/graph/v1/paper/", "https://papers.cool/arxiv/", "https://scirate.com/arxiv/",
        "http://xxx.lanl.gov/abs/", "https://ar5iv.org/html/", "https://ar5iv.labs.arxiv.org/html/", "https://doi.org/10.48550/arXiv.",
        "doi:10.48550/arXiv.", "arXiv:", "ARXIV:", "https://arxiv.org.evil.com/abs/", "https://evilarxiv.org/abs/", "https://arxiv.org/list/",
        "https://arxiv.org/abs/x/", "x://arxiv.org/abs/", "https://arxiv.org/abs/arXiv:arXiv:", "");

    private static readonly Gen<string> Id = Gen.OneOf("2010.13581", "1412.7878", "0704.0001", "1501.00001", "hep-th/9901001", "math.GT/0309136",
        "cs/0112017", "q-bio.NC/0401001", "nlin.CD/0507001", "astro-ph/0611881", "2010.13581v2", "hep-th/9901001v3", "1313.12345", "2010.1358");

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Select(UrlPrefix, Id, (prefix, id) => prefix + id),
        Gen.Select(UrlPrefix, Id, (prefix, id) => prefix + id),
        Gen.OneOf("https://", "http://", "//", "HTTPS://", "www.", "arxiv.org", "ArXiv.org", "export.arxiv.org", "ar5iv.labs.arxiv.org",
            "ar5iv.org", "alphaxiv.org", "huggingface.co", "hf.co", "semanticscholar.org", "api.semanticscholar.org", "papers.cool",
            "scirate.com", "xxx.lanl.gov", "arxiv.org.example.com", "t.co", "doi.org"),
        Gen.OneOf("/", "/abs/", "/pdf/", "/html/", "/overview/", "/papers/", "/arxiv/", "/graph/v1/paper/", "abs/", "arXiv:", "arxiv:",
            "10.48550/", "10.48550/arXiv.", "10.48550/ARXIV.", "arXiv.", ".pdf", "v", "v2", "v0", "?x=1", "#S3", "://"),
        Gen.OneOf("hep-th", "math", "math.GT", "cs", "cond-mat", "q-bio", "nlin.CD", "astro-ph", "physics", "xx"),
        Gen.OneOf("2010.13581", "1412.7878", "1501.00001", "0704.0001", "9901001", "0309136", "2101.", "1313.", "0000", "12", "7"),
        Gen.OneOf(" ", "(", ")", "\"", "<", ">", "…", ".", ",", "-", ":", "/", "\u00a0", "\n", "é", "*", "\u0131", "\u017f", "\u212a", "\u2028"),
        Gen.String[Gen.OneOf<char>(Gen.Char['0', '9'], Gen.OneOf('.', '/', ':', '-', ' ', 'a', 'v', 'X', 'r', 'i', 'x')), 1, 4]);

    private static readonly Gen<string> Text = Gen.Select(Piece.Array[0, 12], pieces => string.Concat(pieces));

    [Fact]
    public void From_every_start_the_token_first_scan_finds_what_trying_every_mark_finds()
    {
        Text.Sample(text =>
        {
            for (var from = 0; from <= text.Length; from++)
            {
                var fast = ArxivIdExtractor.TryFindNext(text, from, out var ours);
                var slow = ReferenceArxivIdExtractor.TryFindNext(text, from, out var reference);
                if (fast != slow || ours != reference) return false;
            }
            return true;
        }, iter: 50_000, print: text => $"\"{text}\"");
    }

    [Theory]
    [InlineData("https://doi.org/10.48550/arXiv.2101.00001")]
    [InlineData("see https://arxiv.org/abs/2101.00001 and arXiv:hep-th/9901001v2, (1501.00002)")]
    [InlineData("arxiv:x.arxiv.org/abs/2010.13581")]
    [InlineData("https://arxiv.org/abs/10.48550/arXiv.2101.00001")]
    [InlineData("https://arxiv.org/abs/arXiv:math.GT/0309136v1/2010.13581")]
    [InlineData("2010.13581/2010.13582 2010.13583")]
    public void Known_tricky_texts_give_the_same_matches(string text)
    {
        for (var from = 0; from <= text.Length; from++)
        {
            var fast = ArxivIdExtractor.TryFindNext(text, from, out var ours);
            var slow = ReferenceArxivIdExtractor.TryFindNext(text, from, out var reference);
            Assert.True(fast == slow && ours == reference, $"from {from}: extractor {(fast ? ours : "none")}, reference {(slow ? reference : "none")}");
        }
    }
}
