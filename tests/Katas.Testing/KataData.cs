using Katas.Data;

namespace Katas.Testing;

/// <summary>
/// Data the kata tests share, loaded on first use rather than in a static initializer: a malformed file then
/// fails each test that needs it with the loader's own message (the repository file and line), instead of a
/// TypeInitializationException that also makes test-case sources, and so tests, silently disappear.
/// </summary>
public static class KataData
{
    private static readonly Lazy<HeightWeightSample> Sample = new(() => HeightWeightSample.Load());

    /// <summary>The article's height/weight sample (data/height_v_weight.csv).</summary>
    public static HeightWeightSample HeightWeight => Sample.Value;
}
