namespace Katas.Victims;

/// <summary>The optimizers the pets classifier can be trained with.</summary>
public enum PetsOptimizer
{
    /// <summary>RMSprop with Keras' defaults (rho 0.9, epsilon 1e-7): the article's.</summary>
    RmsProp,

    /// <summary>Adam with PyTorch's defaults (betas 0.9 and 0.999, epsilon 1e-8).</summary>
    Adam,
}
