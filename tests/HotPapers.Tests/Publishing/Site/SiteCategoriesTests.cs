using HotPapers.Domain;
using HotPapers.Publishing.Site;
using HotPapers.Store;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// The categories are grouped in one pass over the papers in listing order; the result must not depend on the order
/// the papers come in (a full build reads them from the store, an incremental one from its manifest).
/// </summary>
public class SiteCategoriesTests
{
    private static ListedPaper Paper(string id, int day, params Subject[] subjects) =>
        new(new Paper(ArxivId.Parse(id), "Title " + id, ["A. Author"], subjects, "", "", null, new DateOnly(2021, 6, day), 0), [new DateOnly(2021, 6, day)]);

    private static readonly ListedPaper[] Papers =
    [
        // xx.YY has no known name: the lowest id's stored one (blank here) gives none, so the next id's stored name counts.
        Paper("2106.00003", 3, new Subject("xx.YY", "Third name"), new Subject("cs.LG")),
        Paper("2106.00001", 1, new Subject("xx.YY", " "), new Subject("cs.LG", "Machine Learning"), new Subject("cs.LG", "Repeated")),
        Paper("2106.00002", 3, new Subject("xx.YY", "Second name")),
        Paper("2106.00004", 2, new Subject("zz.QQ"), new Subject("cs.LG")),
    ];

    [Fact]
    public void Papers_are_newest_first_and_names_follow_id_order_whatever_order_the_papers_come_in()
    {
        var expected = Describe(SiteModel.Categories(Papers.OrderBy(p => p.Paper.Id.Value, StringComparer.Ordinal)));
        Assert.Equal(
            [
                "cs.LG Machine Learning: 2106.00003 2106.00004 2106.00001",
                "xx.YY Second name: 2106.00002 2106.00003 2106.00001",
                "zz.QQ -: 2106.00004",
            ],
            expected);
        var random = new Random(14);
        for (var i = 0; i < 20; i++)
            Assert.Equal(expected, Describe(SiteModel.Categories(Papers.OrderBy(_ => random.Next()))));
    }

    private static List<string> Describe(IReadOnlyList<CategoryListing> categories) =>
        categories.Select(c => $"{c.Code} {c.Name ?? "-"}: {string.Join(' ', c.Papers.Select(p => p.Paper.Id.Value))}").ToList();
}
