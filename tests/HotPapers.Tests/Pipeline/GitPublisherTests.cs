using HotPapers.Publishing;
using HotPapers.Testing;

namespace HotPapers.Tests.Pipeline;

/// <summary>Publishing to a local bare repository with the real git command line.</summary>
public class GitPublisherTests
{
    private const string Token = "ghp_SECRET_token_1234567890";

    [Fact]
    public void Publishing_commits_the_post_with_the_classic_message_and_pushes_without_leaking_the_token()
    {
        using var dir = new TempDirectory();
        var remote = dir.File("blog.git");
        var clone = dir.File("blog");
        Git(dir.Path, "init", "-q", "--bare", "-b", "master", remote);
        Git(dir.Path, "clone", "-q", remote, clone);
        Git(clone, "config", "user.email", "bot@hotpapers.test");
        Git(clone, "config", "user.name", "Hot Papers bot");
        var post = Path.Combine(clone, "content", "posts", "2021-06-10---Hot-Papers.md");
        Directory.CreateDirectory(Path.GetDirectoryName(post)!);
        File.Copy(Seeds.PathOf("2021-06-10"), post);

        var publisher = new GitPublisher(new GitPublishOptions { RepositoryDir = clone, Token = Token });
        var commit = publisher.Publish(post);

        Assert.Equal(commit, Git(remote, "rev-parse", "master").Trim());
        Assert.Equal("\"new post\"", Git(remote, "log", "-1", "--format=%s", "master").Trim());
        Assert.Equal("content/posts/2021-06-10---Hot-Papers.md", Git(remote, "show", "--name-only", "--format=", "master").Trim());
        Assert.Equal("1", Git(remote, "rev-list", "--count", "master").Trim());
        Assert.DoesNotContain(Token, File.ReadAllText(Path.Combine(clone, ".git", "config")));

        // Publishing the same post again makes no second commit.
        Assert.Equal(commit, publisher.Publish(post));
        Assert.Equal("1", Git(remote, "rev-list", "--count", "master").Trim());
    }

    [Fact]
    public void A_failed_push_says_why_without_the_token()
    {
        using var dir = new TempDirectory();
        var clone = dir.File("blog");
        Git(dir.Path, "init", "-q", "-b", "master", clone);
        Git(clone, "config", "user.email", "bot@hotpapers.test");
        Git(clone, "config", "user.name", "Hot Papers bot");
        Git(clone, "remote", "add", "origin", "https://127.0.0.1:9/" + Token + "/blog.git");
        var post = Path.Combine(clone, "post.md");
        File.WriteAllText(post, "x\n");
        var error = Assert.Throws<GitPublishException>(() => new GitPublisher(new GitPublishOptions { RepositoryDir = clone, Token = Token }).Publish(post));
        Assert.StartsWith("git push failed", error.Message);
        Assert.DoesNotContain(Token, error.Message);
    }

    private static string Git(string workingDir, params string[] args) => GitCli.Run(workingDir, args);
}
