using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Data;

/// <summary>The article's 150 heights (inches) and weights (pounds), read from a Gender,Height,Weight CSV file.</summary>
public sealed class HeightWeightSample
{
    /// <summary>
    /// The file shipped with the katas: data/height_v_weight.csv in the repository, so messages name the file
    /// people edit rather than its copy in bin/; the copy beside the program when it runs outside the repository.
    /// </summary>
    public static string DefaultPath => RepositoryFolders.Data is { } data
        ? Path.Combine(data, "height_v_weight.csv")
        : Path.Combine(AppContext.BaseDirectory, "data", "height_v_weight.csv");

    private HeightWeightSample(double[] heights, double[] weights, string source)
    {
        Heights = heights;
        Weights = weights;
        Source = source;
    }

    /// <summary>Heights in inches, in file order.</summary>
    public IReadOnlyList<double> Heights { get; }

    /// <summary>Weights in pounds, in file order.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>Where the sample was read from.</summary>
    public string Source { get; }

    /// <summary>Number of people in the sample.</summary>
    public int Count => Heights.Count;

    /// <summary>Reads the sample shipped with the katas, or the file at <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">The file is missing or a row is malformed (the message names the line).</exception>
    public static HeightWeightSample Load(string? path = null)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, 0, "file not found.");
        }

        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Parses CSV text with the header "Gender,Height,Weight" (leading spaces allowed) and one "Gender",h,w row per person.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="source">The file name used in error messages.</param>
    /// <exception cref="DataFormatException">The header is wrong, a row is malformed, or there are no rows.</exception>
    public static HeightWeightSample Parse(TextReader reader, string source)
    {
        var heights = new List<double>();
        var weights = new List<double>();
        int lineNumber = 0;
        bool headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (!headerSeen)
            {
                string header = string.Join(",", fields.Select(field => field.Trim()));
                if (!header.Equals("Gender,Height,Weight", StringComparison.OrdinalIgnoreCase))
                {
                    throw new DataFormatException(source, lineNumber, $"expected the header \"Gender,Height,Weight\", found \"{line}\".");
                }

                headerSeen = true;
                continue;
            }

            if (fields.Length != 3)
            {
                throw new DataFormatException(source, lineNumber, $"expected 3 comma-separated fields (Gender,Height,Weight), found {fields.Length}: \"{line}\".");
            }

            heights.Add(ParseMeasurement(fields[1], "height", source, lineNumber));
            weights.Add(ParseMeasurement(fields[2], "weight", source, lineNumber));
        }

        if (!headerSeen)
        {
            throw new DataFormatException(source, 0, "the file is empty; expected the header \"Gender,Height,Weight\" and data rows.");
        }

        if (heights.Count == 0)
        {
            throw new DataFormatException(source, 0, "the file has a header but no data rows.");
        }

        return new HeightWeightSample([.. heights], [.. weights], source);
    }

    /// <summary>The heights and weights as two 1-D tensors of <paramref name="dtype"/> (float32 unless told).</summary>
    public (Tensor Heights, Tensor Weights) ToTensors(ScalarType dtype = ScalarType.Float32, Device? device = null) =>
        (torch.tensor(Heights.ToArray(), dtype: dtype, device: device), torch.tensor(Weights.ToArray(), dtype: dtype, device: device));

    private static double ParseMeasurement(string field, string name, string source, int lineNumber)
    {
        string text = field.Trim().Trim('"');
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw new DataFormatException(source, lineNumber, $"the {name} \"{field.Trim()}\" is not a number.");
        }

        if (value <= 0)
        {
            throw new DataFormatException(source, lineNumber, $"the {name} {value.ToString(CultureInfo.InvariantCulture)} is not positive.");
        }

        return value;
    }

    /// <summary>
    /// The least-squares line through the sample (float64 lstsq of [h, 1] against w) and its mean squared error:
    /// the optimum that figures mark and runs are measured against.
    /// </summary>
    public (Line Line, double Loss) LeastSquares()
    {
        using var scope = torch.NewDisposeScope();
        (Tensor heights, Tensor weights) = ToTensors(ScalarType.Float64);
        Tensor design = torch.stack([heights, torch.ones_like(heights)], dim: 1);
        Tensor solution = torch.linalg.lstsq(design, weights.unsqueeze(1)).Solution;
        var line = new Line(solution[0, 0].ToDouble(), solution[1, 0].ToDouble());
        double loss = (heights * line.Slope + line.Intercept - weights).square().mean().ToDouble();
        return (line, loss);
    }
}
