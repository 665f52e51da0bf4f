namespace HotPapers.Social.HuggingFace;

/// <summary>Hugging Face settings (section <c>HuggingFace</c>).</summary>
public sealed record HuggingFaceOptions
{
    public const string DefaultApiBaseUrl = "https://huggingface.co";

    /// <summary>The site root whose <c>/api/daily_papers</c> lists a day's papers (<c>HuggingFace:ApiBaseUrl</c>).</summary>
    public Uri ApiBaseUrl { get; init; } = new(DefaultApiBaseUrl);
}
