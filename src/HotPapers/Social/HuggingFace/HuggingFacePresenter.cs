using System.Globalization;
using System.Net;
using HotPapers.Domain;

namespace HotPapers.Social.HuggingFace;

/// <summary>
/// A paper's day on Hugging Face Daily Papers as itself: its title linking the paper's page on huggingface.co, who
/// submitted it and on which day. Never dressed as a tweet; upvotes are shown by the post's counts, not in the embed,
/// so a re-measured day prints the same embed.
/// </summary>
public sealed class HuggingFacePresenter : IPostPresenter
{
    public string Platform => HuggingFacePlatform.Name;

    public string DisplayName => "Hugging Face";

    public EngagementLabels Labels { get; } = new(null, "upvotes");

    public string? Permalink(SocialPost post) => PaperUrl(HuggingFaceCollector.PaperOf(post.PostId));

    public static string PaperUrl(string arxivId) => "https://huggingface.co/papers/" + Uri.EscapeDataString(arxivId);

    public string? WidgetClass => null;

    public string? EntityLink(PostEntity entity) => null;

    /// <summary>Nothing of this platform is cached: its posts are always rendered here.</summary>
    public bool AllowsCachedEmbed(string html) => false;

    public string RenderEmbed(SocialPost post, PresentContext context)
    {
        var url = PaperUrl(HuggingFaceCollector.PaperOf(post.PostId));
        var title = post.Text.Split('\n')[0];
        var by = post.AuthorHandle.Length == 0 ? "" : $"submitted by {WebUtility.HtmlEncode(post.AuthorHandle)} to ";
        return $"<blockquote class=\"huggingface-paper\"><p><a href=\"{WebUtility.HtmlEncode(url)}\">{EmbedText.OneLine(WebUtility.HtmlEncode(title))}</a></p>&mdash; "
            + by + "Hugging Face Daily Papers, " + post.CreatedAt.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) + "</blockquote>";
    }
}
