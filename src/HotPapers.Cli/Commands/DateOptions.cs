using System.CommandLine;
using HotPapers.Domain;

namespace HotPapers.Cli.Commands;

/// <summary>Date options in the one form the CLI accepts, YYYY-MM-DD, with a clear message otherwise.</summary>
internal static class DateOptions
{
    public static Option<DateOnly> Required(string name, string description) => new(name)
    {
        Description = description,
        Required = true,
        CustomParser = result => Parse(result.Tokens.Single().Value, name, result.AddError),
    };

    public static Option<DateOnly?> Optional(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result.Tokens.Single().Value, name, result.AddError),
    };

    private static DateOnly Parse(string text, string name, Action<string> fail)
    {
        if (DigestWindow.TryParseDate(text, out var day)) return day;
        fail($"{name}: '{text}' is not a date YYYY-MM-DD");
        return default;
    }
}
