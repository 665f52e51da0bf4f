using System.Text.Json.Serialization;

namespace HotPapers.Social.Bluesky;

// Wire shapes of the two public, unauthenticated endpoints: app.bsky.actor.getProfiles and embed.bsky.app/oembed.

internal sealed class GetProfilesResponse
{
    [JsonPropertyName("profiles")] public List<ProfileViewBasic>? Profiles { get; set; }
}

internal sealed class BlueskyOEmbedResponse
{
    [JsonPropertyName("html")] public string? Html { get; set; }
}

[JsonSerializable(typeof(GetProfilesResponse))]
[JsonSerializable(typeof(BlueskyOEmbedResponse))]
internal sealed partial class BlueskyPublicJsonContext : JsonSerializerContext;
