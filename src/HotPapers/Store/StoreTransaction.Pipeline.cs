using HotPapers.Domain;

namespace HotPapers.Store;

public sealed partial class StoreTransaction
{
    /// <summary>Marks a daily-run step done for a window, in the same transaction as the step's last writes.</summary>
    public void CompleteStep(DigestWindow window, string step, DateTimeOffset at, string summary)
    {
        Run("""
            INSERT INTO run_steps (window_key, step, completed_at, summary) VALUES (@window, @step, @at, @summary)
            ON CONFLICT (window_key, step) DO UPDATE SET completed_at = excluded.completed_at, summary = excluded.summary
            """,
            ("window", window.DateStr), ("step", step), ("at", StoreTime.Utc(at)), ("summary", summary));
    }
}
