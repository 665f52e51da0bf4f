using System.Net;
using System.Security;
using System.Text;
using HotPapers.Arxiv;
using HotPapers.Domain;

namespace HotPapers.Tests.Arxiv;

/// <summary>
/// A fake API for volume tests: answers any id_list with one 2026-style entry per id, in reverse request order
/// (the real API does not keep the request order either).
/// </summary>
public static class SyntheticApi
{
    public static IReadOnlyList<ArxivId> Ids(int count) =>
        Enumerable.Range(1, count).Select(i => ArxivId.Parse($"2010.{i:00000}")).ToList();

    public static string Feed(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        var xml = new StringBuilder();
        xml.Append("<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\" xmlns:arxiv=\"http://arxiv.org/schemas/atom\" xmlns=\"http://www.w3.org/2005/Atom\">\n");
        xml.Append($"  <opensearch:itemsPerPage>{list.Count}</opensearch:itemsPerPage>\n  <opensearch:totalResults>{list.Count}</opensearch:totalResults>\n  <opensearch:startIndex>0</opensearch:startIndex>\n");
        foreach (var id in Enumerable.Reverse(list))
        {
            var e = SecurityElement.Escape(id);
            xml.Append($"  <entry>\n    <id>http://arxiv.org/abs/{e}v2</id>\n    <title>Paper {e}</title>\n    <updated>2020-10-26T00:00:00Z</updated>\n");
            xml.Append($"    <link href=\"https://arxiv.org/pdf/{e}v2\" rel=\"related\" type=\"application/pdf\" title=\"pdf\"/>\n    <summary>Abstract of {e}.</summary>\n");
            xml.Append("    <category term=\"cs.LG\" scheme=\"http://arxiv.org/schemas/atom\"/>\n    <arxiv:primary_category term=\"cs.LG\"/>\n    <author>\n      <name>Ada Example</name>\n    </author>\n  </entry>\n");
        }
        xml.Append("</feed>\n");
        return xml.ToString();
    }

    public static string[] RequestedIds(HttpListenerRequest request) =>
        (request.QueryString["id_list"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>An announcement source that lists the given ids as new cs papers, without any HTTP.</summary>
    public sealed class FixedSource(IReadOnlyList<ArxivId> ids) : IAnnouncementSource
    {
        public string Name => "fixed";

        public Task<TargetListing> ListAsync(string target, DateOnly date, CancellationToken cancellation) =>
            Task.FromResult(new TargetListing(target, date, target == "cs"
                ? ids.Select(id => new Announcement(id, AnnouncementKind.New, "t", ["a"], [new Subject("cs.LG", "Machine Learning")], true)).ToList()
                : []));
    }
}
