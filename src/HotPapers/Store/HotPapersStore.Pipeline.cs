using HotPapers.Domain;

namespace HotPapers.Store;

public sealed partial class HotPapersStore
{
    /// <summary>The steps of a daily run already done for a window, with what each said when it finished.</summary>
    public IReadOnlyDictionary<string, string> CompletedSteps(DigestWindow window)
    {
        using var command = Command("SELECT step, summary FROM run_steps WHERE window_key = @w", ("w", window.DateStr));
        using var reader = command.ExecuteReader();
        var steps = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read()) steps[reader.GetString(0)] = reader.GetString(1);
        return steps;
    }
}
