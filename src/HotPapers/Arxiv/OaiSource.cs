using HotPapers.Domain;

namespace HotPapers.Arxiv;

/// <summary>
/// OAI-PMH <c>ListRecords</c> (format <c>arXiv</c>) for backfilling past days. A datestamp is the record's last change,
/// not its announcement: a record stamped D with only one version is taken as announced on D; records that carry a
/// later version (replacements) are kept but marked, so they never count as new papers.
/// </summary>
public sealed class OaiSource(ArxivHttp http, ArxivOptions options) : IAnnouncementSource
{
    public string Name => "oai";

    public Uri FirstUrl(string target, DateOnly date) =>
        new($"{options.OaiBaseUrl}?verb=ListRecords&metadataPrefix=arXiv&set={Uri.EscapeDataString(ArxivTargets.OaiSet(target))}&from={date:yyyy-MM-dd}&until={date:yyyy-MM-dd}");

    public Uri NextUrl(string token) => new($"{options.OaiBaseUrl}?verb=ListRecords&resumptionToken={Uri.EscapeDataString(token)}");

    public async Task<TargetListing> ListAsync(string target, DateOnly date, CancellationToken cancellation)
    {
        var announcements = new List<Announcement>();
        var url = FirstUrl(target, date);
        while (true)
        {
            var requestUrl = url;
            var page = await http.GetAsync(requestUrl, body => OaiPmhParser.Parse(body, $"GET {requestUrl}"), cancellation).ConfigureAwait(false);
            if (page.ErrorCode == "noRecordsMatch") break;
            if (page.ErrorCode is not null) throw new ArxivSourceException($"GET {requestUrl}: OAI-PMH error {page.ErrorCode}: {page.ErrorMessage}");
            foreach (var record in page.Records)
            {
                if (record.Deleted || record.Datestamp != date || record.Categories.Count == 0) continue;
                var primaryInTarget = ArxivTargets.Contains(target, record.Categories[0]);
                var kind = (record.IsReplacement, primaryInTarget) switch
                {
                    (false, true) => AnnouncementKind.New,
                    (false, false) => AnnouncementKind.Cross,
                    (true, true) => AnnouncementKind.Replace,
                    (true, false) => AnnouncementKind.ReplaceCross,
                };
                announcements.Add(new Announcement(record.Id, kind, ArxivText.Collapse(record.Title), record.Authors,
                    record.Categories.Select(c => new Subject(c)).ToList(), HasPdf: null));
            }
            if (page.ResumptionToken is null) break;
            url = NextUrl(page.ResumptionToken);
        }
        return new TargetListing(target, date, announcements);
    }
}
