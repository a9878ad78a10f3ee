using System.Text.Json;
using Katas.Data;
using Katas.Kits;

namespace Katas.Cli.Grading;

/// <summary>
/// Points per task of one kata: tests/NN-name/rubric.json, {"kata": "01-linreg", "tasks": [{"task": 1, "points": 2}, ...]}.
/// It lives beside the tests, which learners must not edit; grade reads it from the pristine copy.
/// </summary>
internal sealed record Rubric(string Kata, IReadOnlyDictionary<int, int> Points)
{
    /// <summary>The most a kata can score.</summary>
    public int Total => Points.Values.Sum();

    /// <summary>Reads <paramref name="kata"/>'s rubric under <paramref name="root"/>, checking it against the README's tasks.</summary>
    /// <exception cref="DataFormatException">The file is missing, malformed, or its tasks are not the README's.</exception>
    public static Rubric Read(string root, string kata, IReadOnlyList<int> readmeTasks)
    {
        string path = Path.Combine(root, "tests", kata, "rubric.json");
        string name = $"tests/{kata}/rubric.json";
        if (!File.Exists(path))
        {
            throw new DataFormatException(name, 0, "there is no rubric: grade needs the points of each task (see docs/teaching.md)");
        }

        RubricFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RubricFile>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException e)
        {
            throw new DataFormatException(name, (int)(e.LineNumber ?? 0) + 1, e.Message);
        }

        if (file?.Tasks is null || file.Kata != kata)
        {
            throw new DataFormatException(name, 1, $"expected {{\"kata\": \"{kata}\", \"tasks\": [{{\"task\": 1, \"points\": N}}, ...]}}");
        }

        var points = new SortedDictionary<int, int>();
        foreach (RubricTask task in file.Tasks)
        {
            if (task.Points < 0 || !points.TryAdd(task.Task, task.Points))
            {
                throw new DataFormatException(name, 0, $"task {task.Task} is listed twice or has negative points");
            }
        }

        if (!points.Keys.SequenceEqual(readmeTasks))
        {
            throw new DataFormatException(name, 0, $"it gives points to tasks {string.Join(", ", points.Keys)}, but katas/{kata}/README.md lists tasks {string.Join(", ", readmeTasks)}");
        }

        return new Rubric(kata, points);
    }

    private sealed record RubricFile(string? Kata, List<RubricTask>? Tasks);

    private sealed record RubricTask(int Task, int Points);
}
