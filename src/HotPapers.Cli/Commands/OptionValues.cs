using System.CommandLine;
using System.Globalization;

namespace HotPapers.Cli.Commands;

/// <summary>
/// Options whose values a user types: enum values in lowercase (<c>--format gatsby</c>, any case accepted), whole
/// numbers; a bad value is one line naming the option, the value and what is accepted, never a .NET type name.
/// </summary>
internal static class OptionValues
{
    /// <summary>An option taking one of <typeparamref name="T"/>'s values, written in lowercase.</summary>
    public static Option<T> Choice<T>(string name, string description, T fallback) where T : struct, Enum
    {
        var names = Enum.GetValues<T>().Select(v => v.ToString().ToLowerInvariant()).ToArray();
        return new Option<T>(name)
        {
            Description = description,
            HelpName = string.Join('|', names),
            DefaultValueFactory = _ => fallback,
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                foreach (var value in Enum.GetValues<T>())
                    if (value.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)) return value;
                result.AddError($"{name}: '{text}' is not one of {string.Join(", ", names)}");
                return fallback;
            },
        };
    }

    /// <summary>An option taking a whole number (the default, if any, given by the caller).</summary>
    public static Option<int> WholeNumber(string name, string description, Func<int>? fallback = null)
    {
        var option = new Option<int>(name)
        {
            Description = description,
            HelpName = "N",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
                result.AddError($"{name}: '{text}' is not a whole number");
                return 0;
            },
        };
        if (fallback is not null) option.DefaultValueFactory = _ => fallback();
        return option;
    }
}
