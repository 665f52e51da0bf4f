namespace HotPapers.Tests;

/// <summary>
/// Tests that start whole processes (a browser, several CLI runs) run in this collection, on their own after the
/// others, so that they do not starve the rest of the suite on a two-core machine, nor starve themselves.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}
