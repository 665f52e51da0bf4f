using System.CommandLine;
using HotPapers.Publishing.Site;

namespace HotPapers.Cli.Commands;

/// <summary>The options <c>site build</c> and <c>serve</c> share, read into one <see cref="SiteOptions"/>.</summary>
internal sealed class SiteOptionsFactory
{
    private readonly Option<string?> _baseUrl = new("--base-url")
    {
        Description = "Absolute URL the site is published at, for feed ids and links (default: $HOTPAPERS_Site__BaseUrl, else relative links).",
    };

    private readonly Option<bool> _widgets = new("--widgets")
    {
        Description = "Also load the platform's widget script over the static post snapshots (an external request; off by default).",
    };

    private readonly Option<int> _daysPerPage = new("--days-per-page")
    {
        Description = "Days on each index page.",
        DefaultValueFactory = _ => new SiteOptions().DaysPerPage,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_baseUrl);
        command.Options.Add(_widgets);
        command.Options.Add(_daysPerPage);
    }

    /// <summary>The options, or an error message naming the bad value.</summary>
    public (SiteOptions? Options, string? Error) Read(ParseResult parsed, Settings settings)
    {
        var text = parsed.GetValue(_baseUrl) ?? settings.Get("Site", "BaseUrl");
        Uri? baseUrl = null;
        if (text is not null)
        {
            if (!Uri.TryCreate(text.EndsWith('/') ? text : text + "/", UriKind.Absolute, out baseUrl) || baseUrl.Scheme is not ("http" or "https"))
                return (null, $"--base-url: '{text}' is not an absolute http(s) URL");
        }
        var days = parsed.GetValue(_daysPerPage);
        if (days < 1) return (null, "--days-per-page must be at least 1");
        return (new SiteOptions { BaseUrl = baseUrl, Widgets = parsed.GetValue(_widgets), DaysPerPage = days }, null);
    }
}
