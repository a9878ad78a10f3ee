namespace Katas.Victims;

/// <summary>
/// The random numbers behind one generated picture: a System.Random seeded from the generator's seed and
/// the picture's index, so picture i of seed s is the same whatever was drawn before it, in any order,
/// on any thread. (A seeded System.Random keeps its .NET Framework algorithm on purpose: its sequence
/// is stable across .NET versions and platforms.)
/// </summary>
internal sealed class PictureRandom
{
    private readonly Random random;

    /// <summary>Creates the generator of picture <paramref name="index"/> of <paramref name="seed"/>.</summary>
    public PictureRandom(int seed, int index) => random = new Random(Mix(seed, index));

    /// <summary>A uniform number in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public float Uniform(float low, float high) => low + ((high - low) * (float)random.NextDouble());

    /// <summary>A whole number in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public int Integer(int low, int high) => random.Next(low, high);

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(double p) => random.NextDouble() < p;

    /// <summary>+1 or -1, evenly.</summary>
    public int Sign() => random.Next(2) == 0 ? -1 : 1;

    /// <summary>One of <paramref name="choices"/>, evenly.</summary>
    public T Pick<T>(IReadOnlyList<T> choices) => choices[random.Next(choices.Count)];

    /// <summary>A standard normal number (Box-Muller; the second value is dropped to keep the code short).</summary>
    public float Gaussian()
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
    }

    /// <summary>
    /// Mixes seed and index (SplitMix64's finaliser) so that neighbouring indices and seeds give unrelated
    /// System.Random seeds; a plain seed + index would make picture i of seed s picture i-1 of seed s+1.
    /// </summary>
    private static int Mix(int seed, int index)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) | (uint)index);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
