namespace Katas.Conventions;

/// <summary>
/// Which implementation of the katas a build runs (build/KataSource.props): "solutions" (the reference), "katas" (the
/// learner's code) or the path of another folder laid out like katas/ (a submission, a mutant). One decoding of it,
/// for the folder a run's figures go to and the words the tool says it in.
/// </summary>
public static class KataSources
{
    /// <summary>The reference solutions.</summary>
    public const string Solutions = "solutions";

    /// <summary>The learner's code in katas/.</summary>
    public const string Katas = "katas";

    /// <summary>Whether <paramref name="kataSource"/> is the reference solutions.</summary>
    public static bool IsReference(string kataSource) => kataSource == Solutions;

    /// <summary>"reference" for the reference solutions, "yours" for katas/, "other" for any other folder.</summary>
    public static string Who(string kataSource) => kataSource switch
    {
        Solutions => "reference",
        Katas => "yours",
        _ => "other",
    };

    /// <summary>In words: "reference solutions", "your code in katas/", or "implementation in &lt;folder&gt;".</summary>
    public static string Describe(string kataSource) => kataSource switch
    {
        Solutions => "reference solutions",
        Katas => "your code in katas/",
        _ => "implementation in " + kataSource,
    };
}
