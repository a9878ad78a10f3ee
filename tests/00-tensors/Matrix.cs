using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Tensors.Tests;

/// <summary>A small row-major matrix of doubles for the tests' plain-loop oracles, independent of TorchSharp.</summary>
internal sealed class Matrix
{
    public Matrix(int rows, int columns, double[] values)
    {
        if (values.Length != rows * columns)
        {
            throw new ArgumentException($"{rows}×{columns} needs {rows * columns} values, got {values.Length}.", nameof(values));
        }

        Rows = rows;
        Columns = columns;
        Values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    public double[] Values { get; }

    public double this[int row, int column] => Values[(row * Columns) + column];

    public long[] Shape => [Rows, Columns];

    /// <summary>Uniform random entries in [−scale, scale).</summary>
    public static Matrix Random(int rows, int columns, Random random, double scale = 1) =>
        new(rows, columns, Enumerable.Range(0, rows * columns).Select(_ => ((random.NextDouble() * 2) - 1) * scale).ToArray());

    public static double[] RandomVector(int length, Random random, double scale = 1) =>
        Enumerable.Range(0, length).Select(_ => ((random.NextDouble() * 2) - 1) * scale).ToArray();

    /// <summary>This·other + bias (bias added to every row), by loops.</summary>
    public Matrix TimesPlus(Matrix other, double[] bias)
    {
        var result = new double[Rows * other.Columns];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < other.Columns; j++)
            {
                double sum = bias[j];
                for (int k = 0; k < Columns; k++)
                {
                    sum += this[i, k] * other[k, j];
                }

                result[(i * other.Columns) + j] = sum;
            }
        }

        return new Matrix(Rows, other.Columns, result);
    }

    public Tensor ToTensor(ScalarType dtype = ScalarType.Float64) => torch.tensor(Values, [Rows, Columns]).to_type(dtype);
}
