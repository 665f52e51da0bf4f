using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.IO.Compression;

namespace HotPapers.Publishing.Site;

/// <summary>
/// A day's OpenGraph image (<c>og/YYYY-MM-DD.png</c>, 1200x630, the size link previews expect): the date and
/// the top five papers with a bar for each score. Drawn into a small palette and written as a PNG by hand,
/// so the build needs no graphics library or font file.
/// </summary>
public static class ShareImage
{
    public const int Width = 1200, Height = 630;

    [ThreadStatic]
    private static byte[]? _canvas;

    [ThreadStatic]
    private static byte[]? _rows;

    // Palette: background, band, band text, text, muted text, bar.
    private static readonly byte[] Palette =
    [
        0xff, 0xff, 0xff,
        0x0b, 0x57, 0xa4,
        0xff, 0xff, 0xff,
        0x1a, 0x1a, 0x1a,
        0x4d, 0x4d, 0x4d,
        0x93, 0xc5, 0xfd,
    ];

    private const byte Background = 0, Band = 1, BandText = 2, Ink = 3, Muted = 4, Bar = 5;

    public static byte[] Render(DaySummary day, string siteTitle)
    {
        // One canvas per thread, reused: a fresh 0.75 MB array per day would make the build's garbage collector
        // sweep the large-object heap over and over.
        var pixels = _canvas ??= new byte[Width * Height];
        Array.Clear(pixels);
        Fill(pixels, 0, 0, Width, 120, Band);
        Text(pixels, siteTitle, 48, 32, 8, BandText, maxWidth: 640);
        var date = day.Window.DateStr;
        Text(pixels, date, Width - 48 - TextWidth(date, 6), 39, 6, BandText, maxWidth: 520);

        var top = day.Papers.Take(5).ToList();
        if (top.Count == 0) Text(pixels, "No paper reached the threshold.", 48, 280, 5, Muted, maxWidth: Width - 96);
        var best = Math.Max(1, top.Count == 0 ? 1 : top.Max(p => p.Reposts + p.Likes));
        for (var i = 0; i < top.Count; i++)
        {
            var paper = top[i];
            var y = 150 + i * 94;
            var score = paper.Reposts + paper.Likes;
            Text(pixels, (i + 1).ToString(CultureInfo.InvariantCulture) + ".", 48, y, 4, Muted, maxWidth: 60);
            Text(pixels, paper.Title, 108, y, 4, Ink, maxWidth: Width - 108 - 48);
            var label = Layout.Number(score);
            var barMax = Width - 108 - 48 - TextWidth(label, 4) - 16;
            var bar = Math.Max(4, (int)Math.Round(barMax * (double)score / best));
            Fill(pixels, 108, y + 40, bar, 28, Bar);
            Text(pixels, label, 108 + bar + 12, y + 40, 4, Ink, maxWidth: Width);
        }
        return Png(pixels);
    }

    private static int TextWidth(string text, int scale) => PixelFont.Drawable(text).Length * (PixelFont.Width + 1) * scale;

    /// <summary>Draws text at a pixel scale; what does not fit in <paramref name="maxWidth"/> ends in "...".</summary>
    private static void Text(byte[] pixels, string text, int x, int y, int scale, byte color, int maxWidth)
    {
        var drawable = PixelFont.Drawable(text);
        var fits = maxWidth / ((PixelFont.Width + 1) * scale);
        if (drawable.Length > fits) drawable = drawable[..Math.Max(0, fits - 3)].TrimEnd() + "...";
        foreach (var c in drawable)
        {
            // A glyph's rows as bit masks (looked up once per character, not per pixel), each pixel a scale x scale square.
            if (PixelFont.Rows(c) is { } rows)
                for (var gy = 0; gy < PixelFont.Height; gy++)
                    if (rows[gy] != 0) GlyphRow(pixels, rows[gy], x, y + gy * scale, scale, color);
            x += (PixelFont.Width + 1) * scale;
        }
    }

    /// <summary>One row of a glyph (bit 4 the leftmost pixel), clipped to the canvas as <see cref="Fill"/> clips.</summary>
    // Compiled optimized at once: a build draws some forty million glyph pixels, and the loop's first thousand days
    // would otherwise run as unoptimized and then as instrumented code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GlyphRow(byte[] pixels, int mask, int x, int y, int scale, byte color)
    {
        for (var row = Math.Max(0, y); row < Math.Min(Height, y + scale); row++)
        {
            var line = pixels.AsSpan(row * Width, Width);
            for (var gx = 0; gx < PixelFont.Width; gx++)
            {
                if ((mask & (1 << (PixelFont.Width - 1 - gx))) == 0) continue;
                var to = Math.Min(Width, x + gx * scale + scale);
                for (var at = Math.Max(0, x + gx * scale); at < to; at++) line[at] = color;
            }
        }
    }

    private static void Fill(byte[] pixels, int x, int y, int w, int h, byte color)
    {
        for (var row = Math.Max(0, y); row < Math.Min(Height, y + h); row++)
            pixels.AsSpan(row * Width + Math.Max(0, x), Math.Max(0, Math.Min(Width, x + w) - Math.Max(0, x))).Fill(color);
    }

    /// <summary>An 8-bit palette PNG: signature, IHDR, PLTE, one zlib IDAT, IEND.</summary>
    private static byte[] Png(byte[] pixels)
    {
        // Each row starts with its filter byte. Filter 2 ("up") stores each pixel minus the one above it: the
        // image is bands and bars, so most filtered rows are all zeros, and zlib level 3 packs them smaller
        // (about 6.8 KB) than level 6 packed the unfiltered rows (7.6 KB), in about half the time.
        var rows = _rows ??= new byte[Height * (Width + 1)];
        FilterUp(pixels, rows);
        // The compressed rows go to a buffer kept by the thread, and the file is assembled once at its final size.
        var raw = _compressed ??= new MemoryStream(64 * 1024);
        raw.SetLength(0);
        using (var zlib = new ZLibStream(raw, new ZLibCompressionOptions { CompressionLevel = 3 }, leaveOpen: true)) zlib.Write(rows);
        var idat = raw.GetBuffer().AsSpan(0, (int)raw.Length);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], Height);
        header[8] = 8; // bit depth
        header[9] = 3; // palette colour
        var png = new byte[Signature.Length + 4 * 12 + header.Length + Palette.Length + idat.Length];
        Signature.CopyTo(png, 0);
        var at = Signature.Length;
        at = Chunk(png, at, "IHDR"u8, header);
        at = Chunk(png, at, "PLTE"u8, Palette);
        at = Chunk(png, at, "IDAT"u8, idat);
        Chunk(png, at, "IEND"u8, []);
        return png;
    }

    /// <summary>Each row of <paramref name="pixels"/> into <paramref name="rows"/> after its filter byte, as filter 2 ("up").</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // vector code is only fast optimized; it runs once per day
    private static void FilterUp(byte[] pixels, byte[] rows)
    {
        for (var row = 0; row < Height; row++)
        {
            var to = rows.AsSpan(row * (Width + 1), Width + 1);
            to[0] = 2;
            var line = pixels.AsSpan(row * Width, Width);
            if (row == 0)
            {
                line.CopyTo(to[1..]);
                continue;
            }
            var above = pixels.AsSpan((row - 1) * Width, Width);
            var x = 0;
            for (; x <= Width - Vector<byte>.Count; x += Vector<byte>.Count)
                (new Vector<byte>(line[x..]) - new Vector<byte>(above[x..])).CopyTo(to[(x + 1)..]);
            for (; x < Width; x++) to[x + 1] = (byte)(line[x] - above[x]);
        }
    }

    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a];

    [ThreadStatic]
    private static MemoryStream? _compressed;

    /// <summary>Writes a chunk (length, type, data, CRC of type and data) at <paramref name="at"/>; returns where it ends.</summary>
    private static int Chunk(byte[] png, int at, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(at), data.Length);
        type.CopyTo(png.AsSpan(at + 4));
        data.CopyTo(png.AsSpan(at + 8));
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(at + 8 + data.Length), Crc32(png.AsSpan(at + 4, 4 + data.Length)));
        return at + 12 + data.Length;
    }

    private static readonly uint[] CrcTable = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        return c;
    }).ToArray();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static uint Crc32(ReadOnlySpan<byte> typeAndData)
    {
        var crc = 0xffffffffu;
        foreach (var b in typeAndData) crc = CrcTable[(crc ^ b) & 0xff] ^ (crc >> 8);
        return crc ^ 0xffffffffu;
    }
}
