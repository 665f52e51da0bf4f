using System.Diagnostics;

namespace HotPapers.Publishing;

/// <summary>Where and how to publish the post: a clone of the blog repository and the remote to push to.</summary>
public sealed record GitPublishOptions
{
    /// <summary>The blog repository's working tree (a git clone).</summary>
    public required string RepositoryDir { get; init; }

    public string Remote { get; init; } = "origin";

    public string Branch { get; init; } = "master";

    /// <summary>An access token for HTTPS remotes, read from the environment; never written anywhere.</summary>
    public string? Token { get; init; }

    public string CommitMessage { get; init; } = "\"new post\"";
}

public sealed class GitPublishException(string message) : Exception(message);

/// <summary>
/// Commits a new post in the blog repository and pushes it, through the git command line as the original did
/// (<c>git commit -m '"new post"'</c>). The token reaches git through a credential helper that reads it from this
/// process's environment, so it is never on a command line, in the remote URL, in <c>.git/config</c> or in output.
/// </summary>
public sealed class GitPublisher(GitPublishOptions options)
{
    private const string TokenVariable = "HOTPAPERS_GIT_TOKEN_FOR_HELPER";

    /// <summary>Commits <paramref name="postPath"/> (inside the repository) and pushes; returns the commit id.</summary>
    public string Publish(string postPath)
    {
        var relative = Path.GetRelativePath(options.RepositoryDir, Path.GetFullPath(postPath));
        if (relative.StartsWith("..", StringComparison.Ordinal))
            throw new GitPublishException($"{postPath} is not inside the blog repository {options.RepositoryDir}");
        Git("add", "--", relative);
        // Already committed by an earlier run: no second commit. The push still runs, because that run may have
        // been killed between its commit and its push; pushing what is already there is a no-op.
        if (Git("status", "--porcelain", "--", relative).Trim().Length > 0)
            Git("commit", "-m", options.CommitMessage, "--", relative);
        var commit = Git("rev-parse", "HEAD").Trim();
        Git("push", options.Remote, $"HEAD:{options.Branch}");
        return commit;
    }

    private string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = options.RepositoryDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The helper is given on the command line only as a shell function that echoes an environment variable.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("credential.helper=");
        if (options.Token is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add($"credential.helper=!f() {{ echo username=x-access-token; echo password=${TokenVariable}; }}; f");
            start.Environment[TokenVariable] = options.Token;
        }
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new GitPublishException("could not start git");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new GitPublishException($"git {args[0]} failed ({process.ExitCode}): {Redact(stderr.Result.Trim())}");
        return stdout.Result;
    }

    private string Redact(string text) =>
        options.Token is { Length: > 0 } token ? text.Replace(token, "***", StringComparison.Ordinal) : text;
}
