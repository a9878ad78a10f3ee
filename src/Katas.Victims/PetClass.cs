namespace Katas.Victims;

/// <summary>The pets classifier's two classes, numbered as the network's outputs (the article's order).</summary>
public enum PetClass
{
    /// <summary>Output 0.</summary>
    Cat = 0,

    /// <summary>Output 1.</summary>
    Dog = 1,
}
