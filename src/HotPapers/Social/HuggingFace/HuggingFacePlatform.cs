using HotPapers.Configuration;

namespace HotPapers.Social.HuggingFace;

/// <summary>Hugging Face Daily Papers: the papers of each day with their upvotes, free and without an account.</summary>
public static class HuggingFacePlatform
{
    public const string Name = "huggingface";
    public const string Section = "HuggingFace";

    public static SocialPlatform Registration { get; } = new(
        new HuggingFacePresenter(),
        SourceName: "hf",
        SettingsSection: Section,
        Description: "Fetch a day's Hugging Face Daily Papers and their upvotes (public API, no account).",
        CreateSource: services => new HuggingFaceSource(services.Http, ReadOptions(services.Settings)));

    /// <summary>The <c>HuggingFace</c> section.</summary>
    public static HuggingFaceOptions ReadOptions(ISettings settings) => new()
    {
        ApiBaseUrl = settings.Url(Section, "ApiBaseUrl", HuggingFaceOptions.DefaultApiBaseUrl),
    };
}
