namespace HotPapers.Bench;

/// <summary>
/// A fixed, deterministic mix of URLs as expanded links of posts found by an arXiv search carry them: ten arXiv forms
/// of external-formats.md §3 (abs, pdf with and without .pdf, export with a query, alphaxiv, huggingface, DOI, html with
/// a fragment, ar5iv, old style),
/// three other sites, and three near misses (a lookalike host, a listing page, an id-like query): 10 in 16 name a paper.
/// </summary>
internal static class ExtractorCorpus
{
    public static string[] Build(int count, int seed = 1)
    {
        var random = new Random(seed);
        string[] templates =
        [
            "https://arxiv.org/abs/{0}", "https://arxiv.org/pdf/{0}", "https://arxiv.org/pdf/{0}v2.pdf", "http://export.arxiv.org/abs/{0}?context=cs",
            "https://www.alphaxiv.org/overview/{0}v1", "https://huggingface.co/papers/{0}", "https://doi.org/10.48550/arXiv.{0}",
            "https://arxiv.org/html/{0}v1#S3.T2", "https://ar5iv.labs.arxiv.org/html/{0}", "https://arxiv.org/abs/hep-th/9901001v1",
            "https://github.com/someone/project-{0}", "https://t.co/G3geBSxlSU", "https://www.nytimes.com/2020/10/27/science/ai.html",
            "https://arxiv.org.example.com/abs/{0}", "https://arxiv.org/list/cs.LG/recent", "https://openreview.net/forum?id=abc{0}",
        ];
        var urls = new string[count];
        for (var i = 0; i < count; i++)
        {
            var id = $"{random.Next(15, 26):00}{random.Next(1, 13):00}.{random.Next(1, 99999):00000}";
            urls[i] = string.Format(System.Globalization.CultureInfo.InvariantCulture, templates[random.Next(templates.Length)], id);
        }
        return urls;
    }
}
