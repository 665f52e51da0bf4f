using System.Security.Cryptography;
using System.Text;
using HotPapers.Publishing.Site;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>
/// An earlier build is updated, not rebuilt, as long as its settings key matches, and that key names the site's
/// output version (<see cref="SiteModel.OutputVersion"/>), not the build of the tool. So a change to what any
/// renderer writes must raise the version, or sites built before would keep old pages beside new ones. This test
/// holds the content key of a full build of the seeds per version, and fails until both are raised together.
/// </summary>
public class SiteOutputVersionTests
{
    // Raise SiteModel.OutputVersion and put the new key here when a change to the output is meant.
    private static readonly Dictionary<int, string> KeyOfVersion = new()
    {
        [1] = "03969c4a88d40a16dc36c663c3f187076eaf26636218954b9f335c6fc5ff5951",
        // Older index and category pages numbered from the oldest: the seed site has too few days and papers to page, so its bytes stay.
        [2] = "03969c4a88d40a16dc36c663c3f187076eaf26636218954b9f335c6fc5ff5951",
    };

    [Fact]
    public void The_output_of_the_seed_site_is_the_one_recorded_for_the_output_version()
    {
        using var site = new TempSite().WithSeeds().WithMeasuredDay();
        var root = site.Build();
        var key = ContentKey(root);
        Assert.True(KeyOfVersion.TryGetValue(SiteModel.OutputVersion, out var recorded) && recorded == key,
            $"the site's output changed (content key {key}) without a new SiteModel.OutputVersion (now {SiteModel.OutputVersion}): " +
            "raise it and record this key for the new version, so earlier builds are rebuilt whole");
    }

    /// <summary>Every file's path and bytes, but the manifest (it names the store, which is new per test) and the share
    /// images (their zlib stream may differ between runtimes while the pixels stay the same; their inputs are on the day pages).</summary>
    private static string ContentKey(string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                     .Where(p => p != SiteBuilder.ManifestFile && !p.StartsWith("og/", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\n"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(root, path)));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
