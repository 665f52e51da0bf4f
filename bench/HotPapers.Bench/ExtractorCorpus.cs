using System.Globalization;

namespace HotPapers.Bench;

/// <summary>
/// A fixed, deterministic mix of URLs as the links of real posts carry them (expanded tweet URLs, Bluesky link facets,
/// Hacker News story URLs), for the id extractor benchmarks. The weights, out of 100:
/// <list type="bullet">
/// <item><b>70 non-arXiv URLs</b>: most links in posts point elsewhere (news, code, video, blogs, other posts,
/// other journals and their DOIs, unresolved t.co/pic.twitter.com short links). Many of them are full of '.' and '/'
/// and digits (dates in paths, status ids, IPs, version numbers), which are exactly the places the extractor inspects.</item>
/// <item><b>22 arXiv paper URLs</b> in the forms of external-formats.md §3.3: abs (with version, query, fragment,
/// <c>arXiv:</c> prefix, <c>www.</c>, http), pdf (with and without <c>.pdf</c>), html with fragments and assets, export
/// mirror, old-style ids (with subject class), DOI (doi.org and upper case), ar5iv, alphaXiv, Hugging Face,
/// Semantic Scholar, papers.cool.</item>
/// <item><b>8 must-not-match strings</b> from §3.5: listing and author pages, lookalike hosts, a non-numeric alphaXiv
/// path, ids with an impossible month or the wrong digit count, non-arXiv DOIs with id-like suffixes.</item>
/// </list>
/// New-style ids are drawn from 2015–2025 (five digits); the generator is seeded, so every run sees the same corpus.
/// </summary>
internal static class ExtractorCorpus
{
    private static readonly (int Weight, string Template, bool IsPaper)[] Templates =
    [
        // --- 70: links that are not arXiv ---
        (6, "https://github.com/someone/project-{n}", false),
        (4, "https://github.com/org/repo/blob/main/src/model_{n}.py#L{n}", false),
        (6, "https://twitter.com/user{n}/status/1{n}{n}{n}", false),
        (3, "https://x.com/someone/status/18{n}{n}{n}/photo/1", false),
        (6, "https://t.co/G3geBSxl{n}", false),
        (3, "pic.twitter.com/5VG6XX9w{n}", false),
        (5, "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t={n}s", false),
        (2, "https://youtu.be/abc{n}?si=xyz", false),
        (4, "https://www.nytimes.com/2024/10/27/science/ai-models-{n}.html", false),
        (2, "https://www.theverge.com/2025/3/14/{n}{n}/openai-gpt-model", false),
        (3, "https://medium.com/@someone/why-transformers-work-{n}abc", false),
        (3, "https://someone.substack.com/p/the-state-of-ai-{n}", false),
        (3, "https://openreview.net/forum?id=abc{n}", false),
        (2, "https://proceedings.neurips.cc/paper_files/paper/2023/file/{n}abcdef-Paper-Conference.pdf", false),
        (2, "https://www.nature.com/articles/s41586-024-0{n}-x", false),
        (2, "https://doi.org/10.1145/365{n}", false),
        (2, "https://doi.org/10.1109/ICSTW55395.2022.00{n}", false),
        (2, "https://bsky.app/profile/someone.bsky.social/post/3l3pte3p2e{n}", false),
        (2, "https://en.wikipedia.org/wiki/Attention_(machine_learning)", false),
        (1, "https://pypi.org/project/torch/2.{n}.1/", false),
        (1, "http://192.168.1.{n}:8080/index.html", false),
        (1, "https://news.ycombinator.com/item?id=4{n}{n}", false),
        (2, "https://www.reddit.com/r/MachineLearning/comments/1{n}x/d_new_paper/", false),
        (1, "https://paperswithcode.com/paper/attention-is-all-you-need-{n}", false),
        (1, "https://www.biorxiv.org/content/10.1101/2024.05.{n}.594123v1", false),
        (1, "https://colab.research.google.com/drive/1{n}AbCdEf", false),
        // --- 22: arXiv paper URLs (§3.3) ---
        (5, "https://arxiv.org/abs/{id}", true),
        (2, "https://arxiv.org/abs/{id}v2", true),
        (1, "http://arxiv.org/abs/{id}?context=cs.LG", true),
        (1, "https://www.arxiv.org/abs/arXiv:{id}", true),
        (2, "https://arxiv.org/pdf/{id}", true),
        (2, "https://arxiv.org/pdf/{id}v1.pdf", true),
        (1, "https://arxiv.org/html/{id}v1#S3.T2", true),
        (1, "https://arxiv.org/html/{id}v2/x1.png", true),
        (1, "https://export.arxiv.org/abs/{id}", true),
        (1, "https://arxiv.org/abs/{old}v1", true),
        (1, "https://doi.org/10.48550/arXiv.{id}", true),
        (1, "https://ar5iv.labs.arxiv.org/html/{id}", true),
        (1, "https://www.alphaxiv.org/overview/{id}v4", true),
        (1, "https://huggingface.co/papers/{id}", true),
        (1, "https://www.semanticscholar.org/arxiv/{id}", true),
        // --- 8: strings that must not match (§3.5) ---
        (2, "https://arxiv.org/list/cs.LG/recent", false),
        (1, "https://arxiv.org/a/finzi_m_{n}", false),
        (1, "https://arxiv.org.example.com/abs/{id}", false),
        (1, "https://www.alphaxiv.org/abs/2608.glm-{n}", false),
        (1, "https://example.com/notes/1313.{n}", false),
        (1, "https://arxiv.org/abs/1501.{n4}", false),
        (1, "https://arxiv.org/abs/hep-th/9913{n3}", false),
    ];

    private static readonly string[] OldStyle = ["hep-th/99010", "math.GT/03091", "cond-mat/02072", "astro-ph/06118", "quant-ph/05120"];

    /// <summary>The corpus, and how many of its URLs are arXiv paper links (the rest must give nothing).</summary>
    public static string[] Build(int count, out int papers, int seed = 1)
    {
        var total = Templates.Sum(t => t.Weight);
        if (total != 100) throw new InvalidOperationException($"corpus weights add up to {total}, not 100");
        var random = new Random(seed);
        var urls = new string[count];
        papers = 0;
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(total);
            var (_, template, isPaper) = Templates[0];
            foreach (var entry in Templates)
            {
                if (pick < entry.Weight) { (_, template, isPaper) = entry; break; }
                pick -= entry.Weight;
            }
            urls[i] = Fill(template, random);
            if (isPaper) papers++;
        }
        return urls;
    }

    public static string[] Build(int count, int seed = 1) => Build(count, out _, seed);

    private static string Fill(string template, Random random)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"{random.Next(15, 26):00}{random.Next(1, 13):00}.{random.Next(1, 99999):00000}");
        var old = OldStyle[random.Next(OldStyle.Length)] + random.Next(10, 99).ToString("00", CultureInfo.InvariantCulture);
        return template
            .Replace("{id}", id, StringComparison.Ordinal)
            .Replace("{old}", old, StringComparison.Ordinal)
            .Replace("{n4}", random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{n3}", random.Next(1, 999).ToString("000", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{n}", random.Next(10, 99999).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
