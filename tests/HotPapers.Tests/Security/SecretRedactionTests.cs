using HotPapers.Social;

namespace HotPapers.Tests.Security;

/// <summary>What <see cref="SecretRedaction"/> takes out of messages and recordings, and the prose it leaves alone.</summary>
public class SecretRedactionTests
{
    [Theory]
    [InlineData("{\"authorization\":\"Bearer AAAAAAAAAAAAAAAAAAAAAunknown%2Btoken\"}", "{\"authorization\":\"(redacted)\"}")]
    [InlineData("echo: Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAunknown", "echo: Authorization: (redacted)")]
    [InlineData("sent bearer AAAAAAAAAAAAAAAAAAAAAunknown%3D back", "sent bearer (redacted) back")]
    [InlineData("{\"accessJwt\":\"eyJhbGciOi.x.y\",\"handle\":\"a\"}", "{\"accessJwt\":\"(redacted)\",\"handle\":\"a\"}")]
    [InlineData("the known secret-app-password leaked", "the known (redacted) leaked")]
    [InlineData("the known secret%20app leaked", "the known (redacted) leaked")]
    public void Secrets_known_and_secret_shaped_are_taken_out(string text, string expected) =>
        Assert.Equal(expected, SecretRedaction.Redact(text, "secret-app-password", "secret app"));

    [Theory]
    [InlineData("has no prerequisites beyond basic programming, and is")]
    [InlineData("the bearer of bad news")]
    [InlineData("authorization: a survey of access control")]
    [InlineData("a short key abc is fine")]
    public void Prose_is_left_alone(string text) => Assert.Equal(text, SecretRedaction.Redact(text, "abc"));
}
