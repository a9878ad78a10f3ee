using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Katas.Data;

namespace Katas.Cli.Grading.Class;

/// <summary>
/// A student's folder of a class run, students/&lt;name&gt;/: the grade's report.md, results.json and junit.xml, with the class's
/// keys added to results.json ("name", "roster_index", "class_status", "note", "seconds"), so that --merge can rebuild the class
/// report from these files alone.
/// </summary>
internal static class StudentResults
{
    /// <summary>The folder of <paramref name="name"/> under a class run's folder <paramref name="classFolder"/>.</summary>
    public static string FolderOf(string classFolder, string name) => Path.Combine(classFolder, "students", name);

    /// <summary>Writes <paramref name="student"/>'s grade <paramref name="report"/> into their folder under <paramref name="classFolder"/>.</summary>
    public static void Write(ClassStudent student, GradeReport report, string classFolder)
    {
        string folder = FolderOf(classFolder, student.Name);
        GradeFiles.Write(report, folder);
        string path = Path.Combine(folder, "results.json");
        JsonObject results = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        results["name"] = student.Name;
        results["roster_index"] = student.Index;
        results["class_status"] = student.Status;
        results["note"] = student.Note;
        results["seconds"] = Math.Round(student.Elapsed.TotalSeconds, 1);
        results["student"]!["source"] = student.Source;
        File.WriteAllText(path, results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Every student's results.json under <paramref name="classFolder"/>/students/.</summary>
    public static IReadOnlyList<ClassStudent> ReadAll(string classFolder)
    {
        string students = Path.Combine(classFolder, "students");
        return Directory.Exists(students)
            ? [.. Directory.GetDirectories(students).Select(folder => Path.Combine(folder, "results.json")).Where(File.Exists).Order(StringComparer.Ordinal).Select(Read)]
            : [];
    }

    /// <summary>The class row of the results.json at <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">It is not a results.json that grade-class wrote.</exception>
    public static ClassStudent Read(string path)
    {
        try
        {
            JsonNode results = JsonNode.Parse(File.ReadAllText(path)) ?? throw new FormatException("it is empty");
            List<ClassTask> tasks = [.. Key(results, "tasks").AsArray().Select(node => new ClassTask(Text(node, "kata"), Number(node, "task"),
                Number(node, "points"), Number(node, "earned"), Text(node, "status"), Text(node, "reason")))];
            return new ClassStudent(Number(results, "roster_index"), Text(results, "name"), Text(results, "class_status"), Text(results, "note"),
                Text(Key(results, "student"), "source"), Text(Key(results, "student"), "commit"), Text(Key(results, "course"), "commit"), tasks,
                TimeSpan.FromSeconds(Key(results, "seconds").GetValue<double>()));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new DataFormatException(path, 0, $"not a results.json written by grade-class (it needs name, roster_index, class_status, tasks): {e.Message}");
        }
    }

    private static JsonNode Key(JsonNode? parent, string key) => parent?[key] ?? throw new FormatException($"\"{key}\" is missing");

    private static string Text(JsonNode? parent, string key) => Key(parent, key).GetValue<string>();

    private static int Number(JsonNode? parent, string key) => Key(parent, key).GetValue<int>();

    /// <summary>"12.3 s": a student's time, as progress lines and reports print it.</summary>
    public static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");
}
