using System.Text.Json;
using Katas.Data;
using Katas.Kits;

namespace Katas.Cli.Hints;

/// <summary>
/// How many tiers of each task's hints the learner has seen, kept in a small JSON file
/// ({"01-linreg": {"1": 2}}): .katas-hints.json at the repository root (git-ignored), or the file
/// KATAS_HINTS_FILE or --state names (tests use that, so they never touch the learner's file).
/// </summary>
internal sealed class HintProgress
{
    /// <summary>The environment variable naming another state file.</summary>
    public const string EnvironmentVariable = "KATAS_HINTS_FILE";

    private readonly Dictionary<string, Dictionary<string, int>> _seen;

    private HintProgress(string path, Dictionary<string, Dictionary<string, int>> seen)
    {
        Path = path;
        _seen = seen;
    }

    /// <summary>The state file.</summary>
    public string Path { get; }

    /// <summary>The state file to use: <paramref name="option"/>, else the environment variable, else .katas-hints.json at the root.</summary>
    public static string Locate(string? option)
    {
        string? chosen = option ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        return System.IO.Path.GetFullPath(string.IsNullOrEmpty(chosen) ? System.IO.Path.Combine(KataRepository.Root, ".katas-hints.json") : chosen);
    }

    /// <summary>Reads the state file at <paramref name="path"/> (none yet: nothing seen).</summary>
    /// <exception cref="DataFormatException">The file is not the JSON this class writes.</exception>
    public static HintProgress Load(string path)
    {
        if (!File.Exists(path))
        {
            return new HintProgress(path, []);
        }

        try
        {
            return new HintProgress(path, JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(File.ReadAllText(path)) ?? []);
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, (int)(e.LineNumber ?? 0) + 1,
                $"not the hint progress this tool writes ({e.Message}); delete the file to start the hints again");
        }
    }

    /// <summary>How many tiers of <paramref name="task"/> in <paramref name="kata"/> have been shown.</summary>
    public int Seen(string kata, int task) =>
        _seen.TryGetValue(kata, out Dictionary<string, int>? tasks) && tasks.TryGetValue(task.ToString(System.Globalization.CultureInfo.InvariantCulture), out int seen) ? seen : 0;

    /// <summary>Records that <paramref name="tiers"/> tiers of the task have been shown, and saves the file.</summary>
    public void Record(string kata, int task, int tiers)
    {
        if (!_seen.TryGetValue(kata, out Dictionary<string, int>? tasks))
        {
            tasks = [];
            _seen[kata] = tasks;
        }

        tasks[task.ToString(System.Globalization.CultureInfo.InvariantCulture)] = tiers;
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(Path, JsonSerializer.Serialize(_seen, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Forgets what was seen of <paramref name="kata"/> (every task), and saves the file.</summary>
    public void Forget(string kata)
    {
        if (_seen.Remove(kata))
        {
            File.WriteAllText(Path, JsonSerializer.Serialize(_seen, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
    }
}
