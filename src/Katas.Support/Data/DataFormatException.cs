namespace Katas.Data;

/// <summary>A data file that does not have the expected format; the message names the file and line.</summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/>, line <paramref name="line"/> (1-based; 0 for the whole file).</summary>
    public DataFormatException(string file, int line, string problem)
        : base(line > 0 ? $"{file}, line {line}: {problem}" : $"{file}: {problem}")
    {
        File = file;
        Line = line;
    }

    /// <summary>The file that was being read.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem, or 0 when it concerns the whole file.</summary>
    public int Line { get; }
}
