using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Katas.Data;
using Katas.Kits;

namespace Katas.Cli.Grading.Class;

/// <summary>
/// A class roster: a CSV file with the header name,repository,deadline (deadline optional). Read with CsvHelper, so quoted
/// fields (a path with a comma) work; every mistake is a <see cref="DataFormatException"/> naming the file and the line
/// (a data error, exit code 3, like any malformed data file).
/// </summary>
internal static partial class Roster
{
    /// <summary>The deadline formats taken: ISO 8601 with a time and an explicit offset, so a deadline means one moment everywhere.</summary>
    private static readonly string[] DeadlineFormats =
        ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
         "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    /// <summary>The students of the roster at <paramref name="path"/>, in its order.</summary>
    /// <exception cref="UsageException">The file is missing.</exception>
    /// <exception cref="DataFormatException">The file is malformed; the message names it and the line.</exception>
    public static IReadOnlyList<RosterEntry> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"ROSTER: there is no file \"{path}\" (a CSV file with the header name,repository,deadline).");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>The students of roster <paramref name="text"/>, read from the file <paramref name="file"/> (named in errors).</summary>
    public static IReadOnlyList<RosterEntry> Parse(string text, string file)
    {
        CsvReaderOptions options = CsvReaderOptions.Default with
        {
            // A roster is comma-separated; no guessing from the first lines.
            Separator = ',',
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            // Short rows are reported below with their line, as a missing column.
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        try
        {
            using CsvReader reader = CsvReader.FromText(text, options);
            reader.ReadHeader();
            (int name, int repository, int deadline) = Columns(reader, file);
            var entries = new List<RosterEntry>();
            var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (reader.Read())
            {
                int line = (int)reader.LineNumber;
                string Field(int index, string column) => index < reader.FieldCount
                    ? reader.GetString(index)
                    : throw Error(file, line, $"the {column} column is missing (expected name,repository,deadline)");
                string studentName = CheckName(Field(name, "name"), file, line);
                if (!lines.TryAdd(studentName, line))
                {
                    throw Error(file, line, $"the name \"{studentName}\" is already on line {lines[studentName]}; each student needs a name of their own (it names their report folder)");
                }

                string source = Field(repository, "repository");
                if (source.Length == 0)
                {
                    throw Error(file, line, $"{studentName} has no repository");
                }

                string due = deadline >= 0 && deadline < reader.FieldCount ? reader.GetString(deadline) : "";
                entries.Add(new RosterEntry(entries.Count, line, studentName, source, due.Length == 0 ? null : Deadline(due, file, line)));
            }

            return entries.Count > 0 ? entries : throw Error(file, 0, "it lists no student under its header");
        }
        catch (CsvFormatException e)
        {
            throw Error(file, (int)e.LineNumber, $"not valid CSV: {e.Message}");
        }
    }

    private static (int Name, int Repository, int Deadline) Columns(CsvReader reader, string file)
    {
        IReadOnlyList<string> headers = [.. reader.Headers];
        int Find(string column) => headers.ToList().FindIndex(header => string.Equals(header.Trim(), column, StringComparison.OrdinalIgnoreCase));
        int name = Find("name");
        int repository = Find("repository");
        if (headers.Count == 0 || name < 0 || repository < 0)
        {
            string got = headers.Count == 0 ? "nothing" : string.Join(",", headers);
            throw Error(file, 1, $"the header must be name,repository,deadline (deadline optional); got {got}");
        }

        return (name, repository, Find("deadline"));
    }

    private static string CheckName(string name, string file, int line)
    {
        if (name.Length == 0)
        {
            throw Error(file, line, "the name is empty");
        }

        // The name becomes a folder (students/<name>/): nothing a file system or a shell treats specially.
        return SafeName().IsMatch(name) && name is not "." and not ".."
            ? name
            : throw Error(file, line, $"the name \"{name}\" can't name a folder: use letters, digits, '.', '_' and '-' (at most 64, starting with a letter or digit)");
    }

    private static DateTimeOffset Deadline(string text, string file, int line)
    {
        foreach (string format in DeadlineFormats)
        {
            DateTimeStyles styles = format.EndsWith("'Z'", StringComparison.Ordinal) ? DateTimeStyles.AssumeUniversal : DateTimeStyles.None;
            if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, styles, out DateTimeOffset deadline))
            {
                return deadline;
            }
        }

        throw Error(file, line, $"the deadline \"{text}\" is not an ISO 8601 time with its offset, e.g. 2026-12-01T23:59:00Z or 2026-12-01T23:59:00+01:00 (or leave it empty for the tip of HEAD)");
    }

    private static DataFormatException Error(string file, int line, string problem) => new(file, line, problem + ".");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex SafeName();
}
