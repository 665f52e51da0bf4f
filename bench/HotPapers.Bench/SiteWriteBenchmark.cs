using System.Diagnostics;
using System.Globalization;
using HotPapers.Publishing.Site;

namespace HotPapers.Bench;

/// <summary>
/// The full site build's write path on its own: every file of a built site (read into memory first) written into a
/// fresh folder by <see cref="File.WriteAllBytes(string, byte[])"/> (the build before issue 14's third round),
/// by <see cref="File.OpenHandle"/> without locking or preallocation, and by <see cref="StagingFile"/> (what the
/// build uses), on one and on two threads, alternating, with <c>cp -r</c> of the same site in the same rounds as the
/// floor. Each timing follows a <c>sync</c>, so one write-back does not land on the next; wall and CPU (user + sys) are
/// the process's. The folders written are removed at the end (about 2.2 GB a round with two thread counts).
/// Usage: site-write --site BUILT-SITE [--into FOLDER] [--rounds 3] [--threads 1,2]
/// </summary>
internal static class SiteWriteBenchmark
{
    public static int Run(string[] args)
    {
        var site = Path.GetFullPath(Arg(args, "--site") ?? throw new ArgumentException("--site BUILT-SITE is required"));
        var into = Path.GetFullPath(Arg(args, "--into") ?? Path.GetDirectoryName(site)!);
        var rounds = int.Parse(Arg(args, "--rounds") ?? "3", CultureInfo.InvariantCulture);
        var threads = (Arg(args, "--threads") ?? "1,2").Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var files = Directory.EnumerateFiles(site, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(site, f), Bytes: File.ReadAllBytes(f))).ToArray();
        var folders = files.Select(f => Path.GetDirectoryName(f.Path)!).Where(d => d.Length > 0).Distinct().ToArray();
        Console.WriteLine($"{files.Length} files, {files.Sum(f => (long)f.Bytes.Length) / 1024 / 1024} MiB; {Environment.ProcessorCount} cores; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");

        var ways = new (string Name, Action<string, byte[]> Write)[]
        {
            ("File.WriteAllBytes", File.WriteAllBytes),
            ("File.OpenHandle", (path, bytes) =>
            {
                using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, preallocationSize: 0);
                RandomAccess.Write(handle, bytes, 0);
            }),
            ("StagingFile", (path, bytes) => StagingFile.Write(path, bytes)),
        };
        // Nothing is deleted until the end: ext4 skips inodes freed in the last minute or more when it allocates new
        // ones, so deleting one run's 33,579 files makes the next run's creations slower (docs/benchmarks-history.md).
        var targets = new List<string>();
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var target = Path.Combine(into, $"site-write-{Environment.ProcessId}-{targets.Count}");
                targets.Add(target);
                Report(round, "cp -r (floor)", 1, () => Process.Start("cp", ["-r", site, target]).WaitForExit());
                foreach (var count in threads)
                {
                    foreach (var (name, write) in ways)
                    {
                        var written = Path.Combine(into, $"site-write-{Environment.ProcessId}-{targets.Count}");
                        targets.Add(written);
                        Report(round, name, count, () =>
                        {
                            foreach (var folder in folders) Directory.CreateDirectory(Path.Combine(written, folder));
                            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = count }, f => write(Path.Combine(written, f.Path), f.Bytes));
                        });
                    }
                }
            }
        }
        finally
        {
            foreach (var target in targets.Where(Directory.Exists)) Directory.Delete(target, recursive: true);
        }
        return 0;
    }

    private static void Report(int round, string name, int threads, Action work)
    {
        Process.Start("sync").WaitForExit();
        Thread.Sleep(500);
        var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var children = ChildCpu();
        var watch = Stopwatch.StartNew();
        work();
        var wall = watch.Elapsed;
        self.Refresh();
        var used = self.TotalProcessorTime - cpu + (ChildCpu() - children);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"round {round}: {name,-20} {threads} thread(s): {wall.TotalSeconds,6:0.00} s wall, {used.TotalSeconds,6:0.00} s CPU (incl. children)"));
    }

    /// <summary>The CPU time of waited-for children (cp), from /proc/self/stat (cutime + cstime, in clock ticks of 1/100 s).</summary>
    private static TimeSpan ChildCpu()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture)) / 100.0);
    }

    private static string? Arg(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
