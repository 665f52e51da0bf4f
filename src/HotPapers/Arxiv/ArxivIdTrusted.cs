namespace HotPapers.Domain;

public readonly partial record struct ArxivId
{
    /// <summary>
    /// Wraps a value the extractor has already validated as canonical (no version, no subject class), skipping
    /// the regex of <see cref="TryParse(string?, out ArxivId)"/> on the hot path.
    /// </summary>
    internal static ArxivId FromCanonical(string value) => new(value);
}
