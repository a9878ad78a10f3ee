namespace Katas.Adversarial.Kit;

/// <summary>The victims kata 03's commands attack and train (on the command line: pets, fashion).</summary>
public enum VictimKind
{
    /// <summary>The article's cats-and-dogs CNN on generated 128 x 128 pictures (or photographs).</summary>
    Pets,

    /// <summary>A CNN on Fashion-MNIST's 28 x 28 grey pictures.</summary>
    Fashion,
}
