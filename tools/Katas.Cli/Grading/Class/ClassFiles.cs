namespace Katas.Cli.Grading.Class;

/// <summary>The class report in every format, written into one folder: class.md, class.html, class.csv.</summary>
internal static class ClassFiles
{
    /// <summary>Writes <paramref name="report"/> into <paramref name="folder"/>.</summary>
    public static void Write(ClassReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "class.md"), ClassMarkdown.Write(report));
        File.WriteAllText(Path.Combine(folder, "class.html"), ClassHtml.Write(report));
        File.WriteAllText(Path.Combine(folder, "class.csv"), ClassCsv.Write(report));
    }
}
