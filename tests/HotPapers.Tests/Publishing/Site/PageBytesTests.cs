using System.Text;
using CsCheck;
using HotPapers.Publishing.Site;

namespace HotPapers.Tests.Publishing.Site;

/// <summary>A page's bytes come from its builder's chunks without a string in between: the same bytes as the string's UTF-8.</summary>
public class PageBytesTests
{
    private static readonly Gen<string> Piece = Gen.String[Gen.OneOf(Gen.Char.AlphaNumeric, Gen.Char["<>&\"'é日\u2028😀"], Gen.Char['\uD800', '\uDFFF']), 0, 200];

    [Fact]
    public void A_builder_of_many_chunks_encodes_as_its_text_does()
    {
        Piece.Array[1, 400].Sample(pieces =>
        {
            // A small first capacity and many appends make many chunks, so pairs and lone surrogates fall on their edges.
            var sb = new StringBuilder(16);
            foreach (var piece in pieces) sb.Append(piece);
            Assert.Equal(new UTF8Encoding(false).GetBytes(sb.ToString()), Layout.Utf8(sb));
        }, iter: 2_000);
    }

    [Fact]
    public void A_pair_split_between_two_chunks_is_one_character()
    {
        var sb = new StringBuilder(4).Append("abc\uD83D");
        sb.Append("\uDE00" + new string('y', 100));
        var chunks = 0;
        foreach (var _ in sb.GetChunks()) chunks++;
        Assert.True(chunks > 1);
        Assert.Equal(new UTF8Encoding(false).GetBytes("abc😀" + new string('y', 100)), Layout.Utf8(sb));
    }
}
