namespace Katas.Data;

/// <summary>How a data folder was chosen, in the order <see cref="DatasetLocator"/> considers them.</summary>
public enum DataOrigin
{
    /// <summary>A folder passed by the caller (a method parameter or a command-line option).</summary>
    Parameter,

    /// <summary>A folder named by the data set's environment variable (e.g. KATAS_FASHION_MNIST_DIR).</summary>
    EnvironmentVariable,

    /// <summary>The repository's data folder (e.g. data/fashion-mnist, the subset shipped with the katas).</summary>
    Repository,

    /// <summary>A system-wide install (e.g. /usr/share/datasets/fashion-mnist from Debian's dataset-fashion-mnist).</summary>
    SystemPackage,
}
