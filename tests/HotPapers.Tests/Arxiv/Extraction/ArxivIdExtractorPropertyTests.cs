using Xunit;
using System.Globalization;
using CsCheck;
using HotPapers.Arxiv;
using HotPapers.Domain;

namespace HotPapers.Tests.Arxiv.Extraction;

/// <summary>Properties over generated ids and link forms (CsCheck): what the tables cannot enumerate.</summary>
public class ArxivIdExtractorPropertyTests
{
    /// <summary>A valid new-style id: YYMM 0704..9912, 4 digits up to 1412 and 5 from 1501, never all zeros.</summary>
    private static readonly Gen<string> NewStyleId =
        from yy in Gen.Int[7, 99]
        from mm in Gen.Int[1, 12]
        where yy * 100 + mm >= 704 && (yy * 100 + mm <= 1412 || yy * 100 + mm >= 1501)
        from num in yy * 100 + mm <= 1412 ? Gen.Int[1, 9999] : Gen.Int[1, 99999]
        select string.Create(CultureInfo.InvariantCulture, $"{yy:D2}{mm:D2}.{num.ToString(yy * 100 + mm <= 1412 ? "D4" : "D5", CultureInfo.InvariantCulture)}");

    private static readonly Gen<string> OldStyleId =
        from archive in Gen.OneOf("hep-th", "hep-ph", "astro-ph", "cond-mat", "math", "cs", "quant-ph", "gr-qc", "math-ph", "nlin")
        from yymm in Gen.OneOf(
            from y in Gen.Int[91, 99] from m in Gen.Int[y == 91 ? 7 : 1, 12] select y * 100 + m,
            from y in Gen.Int[0, 7] from m in Gen.Int[1, y == 7 ? 3 : 12] select y * 100 + m)
        from num in Gen.Int[1, 999]
        select string.Create(CultureInfo.InvariantCulture, $"{archive}/{yymm:D4}{num:D3}");

    private static readonly Gen<string> Form = Gen.OneOf(
        "{0}", "arXiv:{0}", "arxiv:{0}", "({0})", "{0}.", "{0},", "see {0} now", "https://arxiv.org/abs/{0}", "http://arxiv.org/abs/{0}",
        "https://www.arxiv.org/abs/{0}?context=cs.LG", "https://export.arxiv.org/abs/{0}#x", "https://arxiv.org/pdf/{0}",
        "https://arxiv.org/pdf/{0}.pdf", "https://arxiv.org/html/{0}/x1.png", "https://arxiv.org/abs/arXiv:{0}/",
        "https://ar5iv.labs.arxiv.org/html/{0}", "https://alphaxiv.org/abs/{0}", "https://www.alphaxiv.org/overview/{0}",
        "<a href=\"https://arxiv.org/abs/{0}\">paper</a>");

    [Fact]
    public void Every_generated_link_gives_back_its_id_and_version()
    {
        Gen.Select(Gen.OneOf(NewStyleId, OldStyleId), Gen.Int[0, 30], Form).Sample((id, version, form) =>
        {
            var written = version == 0 ? id : id + "v" + version.ToString(CultureInfo.InvariantCulture);
            var text = string.Format(CultureInfo.InvariantCulture, form, written);
            return ArxivIdExtractor.TryExtract(text, out var link) && link.Id.Value == id && (link.Version ?? 0) == version;
        }, iter: 20_000);
    }

    [Fact]
    public void A_digit_glued_to_either_side_of_a_new_style_id_stops_the_match()
    {
        Gen.Select(NewStyleId, Gen.Int[0, 9], Gen.Bool).Sample((id, digit, before) =>
        {
            var d = digit.ToString(CultureInfo.InvariantCulture);
            var text = before ? d + id : id + d;
            return ArxivIdExtractor.ExtractAll(text).Count == 0;
        }, iter: 20_000);
    }

    [Fact]
    public void Lookalike_hosts_never_match()
    {
        Gen.Select(NewStyleId, Gen.String[Gen.Char['a', 'z'], 1, 12]).Sample((id, label) =>
            ArxivIdExtractor.ExtractAll($"https://arxiv.org.{label}.com/abs/{id}").Count == 0
            && ArxivIdExtractor.ExtractAll($"https://{label}arxiv.org/abs/{id}").Count == 0
            && ArxivIdExtractor.ExtractAll($"https://t.co/{id}").Count == 0, iter: 5_000);
    }

    [Fact]
    public void Any_text_yields_only_well_formed_ids_inside_the_text()
    {
        var alphabet = Gen.OneOf<char>(Gen.Char['0', '9'], Gen.OneOf('.', '/', 'v', ':', '-', ' ', 'a', 'h', 'e', 'p', 't', 'X', 'i', 'r'));
        Gen.String[alphabet, 0, 40].Sample(text =>
        {
            var from = 0;
            while (ArxivIdExtractor.TryFindNext(text, from, out var match))
            {
                if (match.Index < from || match.End > text.Length || match.End <= match.Index) return false;
                var link = match.ToLink(text);
                if (!ArxivId.TryParse(link.Id.Value, out var parsed, out var v) || parsed != link.Id || v != 0) return false;
                from = match.End;
            }
            return true;
        }, iter: 50_000);
    }
}
