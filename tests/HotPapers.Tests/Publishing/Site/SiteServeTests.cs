using HotPapers.Store;
using HotPapers.Testing;

namespace HotPapers.Tests.Publishing.Site;

/// <summary><c>hotpapers serve</c>, started as a user would, serves the same bytes as <c>site build</c> writes, on either backend.</summary>
public class SiteServeTests : SiteStoreTests
{
    [StoreFact]
    public async Task Serve_answers_with_the_built_pages()
    {
        using var site = new TempSite(Backend).WithSeeds();
        var built = site.Build();
        using var server = await ServeProcess.StartAsync(site.DbPath, TempSite.Now);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };

        foreach (var file in new[] { "index.html", "days/2021-06-10.html", "api/days/2020-10-27.json", "papers/2106.04803.html" })
            Golden.AssertSameBytes(await File.ReadAllBytesAsync(Path.Combine(built, file)), await http.GetByteArrayAsync(file), $"{Backend} served {file}");
    }
}

public sealed class SiteServePostgresTests : SiteServeTests, IPostgresBacked
{
    protected override StoreBackend Backend => StoreBackend.Postgres;
}
