using HotPapers.Domain;

namespace HotPapers.Testing;

/// <summary>The five real published posts the project must reproduce, copied into the test data.</summary>
public static class Seeds
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "data", "seeds");

    public static readonly string[] Dates = ["2020-10-27", "2021-02-09", "2021-05-11", "2021-06-09", "2021-06-10"];

    public static IEnumerable<object[]> AllDates => Dates.Select(d => new object[] { d });

    public static string PathOf(string date) => Path.Combine(Directory, $"{date}---Hot-Papers.md");

    public static byte[] Bytes(string date) => File.ReadAllBytes(PathOf(date));

    public static string Text(string date) => File.ReadAllText(PathOf(date));

    public static DigestWindow Window(string date) => DigestWindow.Day(DateOnly.ParseExact(date, "yyyy-MM-dd"));
}
