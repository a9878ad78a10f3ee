namespace Katas.Cli.Grading;

/// <summary>Every format of a grade, written into one folder (CI uploads it): report.md, results.json, junit.xml.</summary>
internal static class GradeFiles
{
    public static void Write(GradeReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "report.md"), GradeFormats.Markdown(report));
        File.WriteAllText(Path.Combine(folder, "results.json"), GradeFormats.Json(report));
        File.WriteAllText(Path.Combine(folder, "junit.xml"), GradeFormats.JUnit(report));
    }
}
