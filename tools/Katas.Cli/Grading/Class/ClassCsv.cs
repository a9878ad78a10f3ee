using CsvHelper;

namespace Katas.Cli.Grading.Class;

/// <summary>
/// class.csv for a gradebook import (Canvas, Moodle): a header row, then one row per student with name, the points of each kata,
/// total, max, commit and status; RFC 4180 as CsvHelper writes it (quoted where needed), numbers plain.
/// </summary>
internal static class ClassCsv
{
    /// <summary>The report as CSV.</summary>
    public static string Write(ClassReport report)
    {
        IReadOnlyList<string> katas = report.Katas;
        using var text = new StringWriter();
        // A name such as "-x" stays as it is: names are checked when the roster is read, and an escape would change them.
        CsvWriterOptions options = CsvWriterOptions.Default with { NewLine = "\n", Injection = CsvInjection.None };
        using (CsvWriter csv = CsvWriter.Create(text, options, leaveOpen: true))
        {
            csv.WriteRecord(["name", .. katas, "total", "max", "commit", "status"]);
            foreach (ClassStudent student in report.Students)
            {
                csv.WriteField(student.Name);
                foreach (string kata in katas)
                {
                    csv.WriteField(student.EarnedIn(kata), "");
                }

                csv.WriteField(student.Earned, "");
                csv.WriteField(report.Possible, "");
                csv.WriteField(student.Commit);
                csv.WriteRecord(student.Status);
            }
        }

        return text.ToString();
    }
}
