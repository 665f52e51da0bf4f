using System.Buffers.Binary;
using System.IO.Compression;
using HotPapers.Domain;
using HotPapers.Publishing.Site;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>The share image decodes, through its row filters, to the picture it draws: band, title, bars.</summary>
public class ShareImageTests
{
    [Fact]
    public void The_png_decodes_to_the_band_the_text_and_a_bar_per_paper()
    {
        var day = new DaySummary(DigestWindow.Day(new DateOnly(2021, 6, 9)), DateTimeOffset.UnixEpoch,
        [
            new DaySummaryPaper(1, ArxivId.Parse("2106.04554"), "A Survey of Transformers", 17382, 49),
            new DaySummaryPaper(2, ArxivId.Parse("2106.04555"), "Another paper", 100, 20),
        ]);
        var pixels = Decode(ShareImage.Render(day, "Hot Papers"));

        byte At(int x, int y) => pixels[y * ShareImage.Width + x];
        Assert.Equal(1, At(0, 0)); // the band
        Assert.Equal(1, At(ShareImage.Width - 1, 119));
        Assert.Contains(pixels.AsSpan(0, 120 * ShareImage.Width).ToArray(), p => p == 2); // the title on the band
        Assert.All(pixels.AsSpan(125 * ShareImage.Width, ShareImage.Width).ToArray(), p => Assert.Equal(0, p));
        // The top paper's bar is full width; the second's is shorter, in proportion to its score.
        Assert.Equal(5, At(108, 150 + 40));
        Assert.Equal(5, At(900, 150 + 40 + 27));
        Assert.Equal(5, At(108, 244 + 40));
        Assert.NotEqual(5, At(200, 244 + 40));
        Assert.Equal(0, At(ShareImage.Width - 1, ShareImage.Height - 1));
    }

    /// <summary>An 8-bit palette PNG's pixel indexes: IDAT inflated, each row unfiltered (none or up, the filters it uses).</summary>
    private static byte[] Decode(byte[] png)
    {
        var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (System.Text.Encoding.ASCII.GetString(png, at + 4, 4) == "IDAT") idat.Write(png, at + 8, length);
            at += 12 + length;
        }
        idat.Position = 0;
        var raw = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress)) zlib.CopyTo(raw);
        var rows = raw.ToArray();
        const int w = ShareImage.Width, h = ShareImage.Height;
        Assert.Equal(h * (w + 1), rows.Length);
        var pixels = new byte[w * h];
        for (var y = 0; y < h; y++)
        {
            var filter = rows[y * (w + 1)];
            Assert.True(filter is 0 or 2, $"row {y} uses filter {filter}");
            for (var x = 0; x < w; x++)
            {
                var value = rows[y * (w + 1) + 1 + x];
                pixels[y * w + x] = (byte)(filter == 2 && y > 0 ? value + pixels[(y - 1) * w + x] : value);
            }
        }
        return pixels;
    }
}
