using HotPapers.Configuration;
using HotPapers.Http;

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
        CreateSource: services => new HuggingFaceSource(services.Http(HttpPolicy(services.Settings)), ReadOptions(services.Settings)));

    /// <summary>Hugging Face's resilience policy (docs/resilience.md); a 429 is retried after its <c>Retry-After</c>.</summary>
    public static SourceHttpOptions HttpPolicy(ISettings settings) => SourceHttpSettings.Read(settings, Section, "hf");

    /// <summary>The <c>HuggingFace</c> section.</summary>
    public static HuggingFaceOptions ReadOptions(ISettings settings) => new()
    {
        ApiBaseUrl = settings.Url("HuggingFace", "ApiBaseUrl", HuggingFaceOptions.DefaultApiBaseUrl),
    };
}
