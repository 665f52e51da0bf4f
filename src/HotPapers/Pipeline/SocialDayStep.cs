namespace HotPapers.Pipeline;

/// <summary>
/// A social source that collects by calendar day (Bluesky's searchPosts backfill, Hacker News): each day of the
/// window in turn. The source's own errors become a <see cref="SourceFailedException"/> naming it.
/// </summary>
public sealed class SocialDayStep(string name, Func<DateOnly, DailyContext, CancellationToken, Task<string>> collectDay, Func<Exception, bool> isSourceFailure) : IDailyStep
{
    public string Name => name;

    public async Task<string> RunAsync(DailyContext context, CancellationToken cancellationToken)
    {
        var summaries = new List<string>();
        for (var day = context.Window.Start; day <= context.Window.End; day = day.AddDays(1))
        {
            try
            {
                summaries.Add(await collectDay(day, context, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (isSourceFailure(e))
            {
                throw new SourceFailedException(Name, e.Message, e);
            }
        }
        return string.Join("; ", summaries);
    }
}
