using HotPapers.Cli;
using HotPapers.Tests.Publishing.Site;
using Xunit;

namespace HotPapers.Tests.Cli;

/// <summary><c>site build</c> through the command line: an update of an earlier build (run without collections) writes what a full build writes.</summary>
public sealed class SiteCommandTests
{
    [Fact]
    public async Task An_earlier_build_is_updated_and_equals_a_full_build()
    {
        using var site = new TempSite().WithSeeds();
        var updated = Path.Combine(site.Directory, "updated");
        var full = Path.Combine(site.Directory, "full");
        Assert.Equal(0, (await Cli(site, "site", "build", "--out", updated)).Code);

        var day = new DateOnly(2021, 7, 1);
        Synthetic.Add(site.Store, Synthetic.Paper("2107.00001", day, 1, title: "A paper of a new day"),
            (Synthetic.Post("1410000000000000001", "Worth a read", new DateTimeOffset(2021, 7, 1, 9, 0, 0, TimeSpan.Zero)), [(10, 20)]));
        var (code, output) = await Cli(site, "site", "build", "--out", updated);

        Assert.True(code == 0, output);
        Assert.Contains("(updated: ", output);
        Assert.Equal(0, (await Cli(site, "site", "build", "--full", "--out", full)).Code);
        SiteIncrementalTests.AssertSameTree(full, updated);
    }

    private static async Task<(int Code, string Output)> Cli(TempSite site, params string[] args)
    {
        var output = new StringWriter();
        var now = TempSite.Now.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var code = await HotPapersCli.RunAsync(["--db", site.DbPath, "--now", now, .. args], output, output);
        return (code, output.ToString());
    }
}
