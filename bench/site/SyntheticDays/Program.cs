using System.Globalization;
using HotPapers.Domain;
using HotPapers.Store;

// Usage: SyntheticDays <store> [days] [papers-per-day]
// Writes `days` consecutive listing days from 2022-01-01 on, each with `papers-per-day` announced papers, 1-6 X posts
// per paper and two engagement snapshots per post, one transaction per day, through the same store API a crawl uses.
// The random source is seeded: the same arguments always write the same data.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: SyntheticDays <store> [days=1000] [papers-per-day=15]");
    return 2;
}
var days = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var perDay = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
var random = new Random(20211027);
string[] words = ["learning", "neural", "graph", "transformer", "diffusion", "robust", "causal", "efficient", "scaling", "language",
    "vision", "reinforcement", "bayesian", "sparse", "attention", "models", "optimal", "transport", "contrastive", "federated"];
string[] names = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Claude Shannon", "Emmy Noether", "John von Neumann", "Sofia Kovalevskaya",
    "Kurt Gödel", "Srinivasa Ramanujan", "Hedy Lamarr", "Katherine Johnson", "Andrey Kolmogorov", "李 华", "Müller Jörg"];
Subject[] subjects = [new("cs.LG", "Machine Learning"), new("cs.AI", "Artificial Intelligence"), new("cs.CL", "Computation and Language"),
    new("cs.CV", "Computer Vision and Pattern Recognition"), new("stat.ML", "Machine Learning"), new("cs.RO", "Robotics"),
    new("cs.NE", "Neural and Evolutionary Computing"), new("math.OC", "Optimization and Control"), new("cs.IR", "Information Retrieval"),
    new("q-bio.NC", "Neurons and Cognition")];

using var store = HotPapersStore.Open(args[0]);
var start = new DateOnly(2022, 1, 1);
long postId = 1_500_000_000_000_000_000;
for (var d = 0; d < days; d++)
{
    var day = start.AddDays(d);
    var created = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
    store.Write(tx =>
    {
        for (var i = 0; i < perDay; i++)
        {
            var id = ArxivId.Parse(string.Create(CultureInfo.InvariantCulture, $"{day:yyMM}.{day.Day * 300 + i:D5}"));
            var title = string.Join(' ', Enumerable.Range(0, random.Next(4, 11)).Select(_ => words[random.Next(words.Length)]));
            title = char.ToUpperInvariant(title[0]) + title[1..];
            var authors = Enumerable.Range(0, random.Next(1, 7)).Select(_ => names[random.Next(names.Length)]).Distinct().ToArray();
            var paperSubjects = Enumerable.Range(0, random.Next(1, 4)).Select(_ => subjects[random.Next(subjects.Length)]).DistinctBy(s => s.Code).ToArray();
            var abstractText = string.Join(' ', Enumerable.Range(0, 120).Select(_ => words[random.Next(words.Length)])) + ".";
            tx.Papers.Upsert(new Paper(id, title, authors, paperSubjects, abstractText, $"https://arxiv.org/abs/{id}", $"https://arxiv.org/pdf/{id}", day, i + 1));
            var posts = random.Next(1, 7);
            for (var p = 0; p < posts; p++)
            {
                var pid = (postId++).ToString(CultureInfo.InvariantCulture);
                var link = "https://t.co/" + pid[^8..];
                var text = $"New paper: {title} {link} #ML";
                var urlStart = text.IndexOf(link, StringComparison.Ordinal);
                var tagStart = text.IndexOf("#ML", StringComparison.Ordinal);
                var post = new SocialPost(SocialPost.X, pid, "user" + random.Next(500), "User " + random.Next(500), created.AddMinutes(p * 7),
                    "en", "ltr", text, [new PostEntity(EntityKind.Url, urlStart, urlStart + link.Length, link), new PostEntity(EntityKind.Hashtag, tagStart, tagStart + 3, "ML")]);
                tx.Posts.Upsert(post, PostSource.Api);
                tx.Posts.Link(id, post.Platform, pid);
                // Heavy-tailed counts: most posts are small, a few are large, as on the real timeline.
                var likes = (int)(Math.Pow(random.NextDouble(), 3) * 400) + random.Next(20);
                var reposts = likes / (random.Next(2, 6));
                tx.Posts.AddSnapshot(new EngagementSnapshot(post.Platform, pid, reposts / 2, likes / 2, created.AddHours(6)));
                tx.Posts.AddSnapshot(new EngagementSnapshot(post.Platform, pid, reposts, likes, created.AddHours(30)));
            }
        }
    });
}
Console.WriteLine($"wrote {days} days x {perDay} papers from {start:yyyy-MM-dd} into {args[0]}");
return 0;
