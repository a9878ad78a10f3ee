namespace Katas.Dense;

/// <summary>
/// The settings of chapter 2 of Chollet's "Deep Learning with Python" for its MNIST network, as kata 05 uses them.
/// </summary>
public static class BookSettings
{
    /// <summary>Pixels per image: 28 × 28 images flattened to vectors.</summary>
    public const int InputSize = 28 * 28;

    /// <summary>Units of the hidden layer.</summary>
    public const int HiddenUnits = 512;

    /// <summary>Classes (ten digits in MNIST, ten kinds of clothing in Fashion-MNIST).</summary>
    public const int Classes = 10;

    /// <summary>Parameters of the 784-512-10 network: 784·512 + 512 + 512·10 + 10.</summary>
    public const long ParameterCount = (long)InputSize * HiddenUnits + HiddenUnits + (long)HiddenUnits * Classes + Classes;

    /// <summary>Images per batch, both networks.</summary>
    public const int BatchSize = 128;

    /// <summary>The upper end of the from-scratch layers' uniform initial weights (the book: tf.random.uniform(minval=0, maxval=1e-1)).</summary>
    public const double InitialWeightMax = 0.1;

    /// <summary>The from-scratch network's learning rate (plain SGD).</summary>
    public const double FromScratchLearningRate = 1e-3;

    /// <summary>The from-scratch network's epochs.</summary>
    public const int FromScratchEpochs = 10;

    /// <summary>The built-in network's epochs.</summary>
    public const int BuiltInEpochs = 5;

    /// <summary>RMSprop's learning rate: Keras' default for optimizer="rmsprop".</summary>
    public const double RmsPropLearningRate = 1e-3;

    /// <summary>RMSprop's decay: Keras' default rho (TorchSharp calls it alpha and defaults to 0.99).</summary>
    public const double RmsPropAlpha = 0.9;

    /// <summary>RMSprop's epsilon: Keras' default (TorchSharp adds it outside the square root, Keras inside).</summary>
    public const double RmsPropEpsilon = 1e-7;

    /// <summary>The floor Keras clips probabilities to before taking their logarithm (its backend epsilon).</summary>
    public const double ProbabilityFloor = 1e-7;
}
