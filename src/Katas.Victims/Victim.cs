using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims;

/// <summary>
/// A trained network ready to be attacked: weights loaded, eval mode (dropout off, batch norm on its running
/// statistics) and every parameter frozen (requires_grad false), so gradients with respect to the input never
/// accumulate anything on the model. Both are checked on loading: Sequential.eval() did nothing before
/// TorchSharp 0.105.1 (issue #1426), and an attack on a network in training mode gives noisy, wrong gradients.
/// </summary>
public sealed class Victim : IDisposable
{
    private Victim(nn.Module<Tensor, Tensor> network, string weightsPath, IReadOnlyList<string> classNames)
    {
        Network = network;
        WeightsPath = weightsPath;
        ClassNames = classNames;
    }

    /// <summary>Where the committed pets weights are after a build: Weights/pets.bin beside the program.</summary>
    public static string PetsWeightsPath => Path.Combine(AppContext.BaseDirectory, "Weights", "pets.bin");

    /// <summary>Where the committed Fashion-MNIST weights are after a build: Weights/fashion.bin beside the program.</summary>
    public static string FashionWeightsPath => Path.Combine(AppContext.BaseDirectory, "Weights", "fashion.bin");

    /// <summary>The pets classifier's classes, by index.</summary>
    public static IReadOnlyList<string> PetClassNames { get; } = ["cat", "dog"];

    /// <summary>Fashion-MNIST's classes, by label.</summary>
    public static IReadOnlyList<string> FashionClassNames => Katas.Data.FashionMnist.Info.ClassNames;

    /// <summary>The network, in eval mode, parameters frozen; its forward gives logits.</summary>
    public nn.Module<Tensor, Tensor> Network { get; }

    /// <summary>The file the weights came from.</summary>
    public string WeightsPath { get; }

    /// <summary>The classes, by index of the logits.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>
    /// Loads the pets classifier from <paramref name="weightsPath"/> (default: the committed weights,
    /// <see cref="PetsWeightsPath"/>), in eval mode with frozen parameters.
    /// </summary>
    /// <exception cref="FileNotFoundException">No weights file there.</exception>
    /// <exception cref="InvalidDataException">The file is not weights of <see cref="PetsNetwork"/>.</exception>
    public static Victim LoadPets(string? weightsPath = null) =>
        Load(weightsPath ?? PetsWeightsPath, "pets", () => new PetsNetwork(), PetClassNames);

    /// <summary>
    /// Loads the Fashion-MNIST classifier from <paramref name="weightsPath"/> (default: the committed weights,
    /// <see cref="FashionWeightsPath"/>), in eval mode with frozen parameters.
    /// </summary>
    /// <exception cref="FileNotFoundException">No weights file there.</exception>
    /// <exception cref="InvalidDataException">The file is not weights of <see cref="FashionNetwork"/>.</exception>
    public static Victim LoadFashion(string? weightsPath = null) =>
        Load(weightsPath ?? FashionWeightsPath, "fashion", () => new FashionNetwork(), FashionClassNames);

    private static Victim Load(string weightsPath, string name, Func<nn.Module<Tensor, Tensor>> create, IReadOnlyList<string> classNames)
    {
        string path = Path.GetFullPath(weightsPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"No {name} classifier weights at {path}. The committed weights are src/Katas.Victims/Weights/{name}.bin, copied beside " +
                $"every program that references Katas.Victims; rebuild, or retrain them with `katas train-victim {name}`.", path);
        }

        TorchRuntime.EnsureNativeLibraryLoads();
        nn.Module<Tensor, Tensor> network = create();
        try
        {
            network.load(path);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException or IOException or FormatException)
        {
            network.Dispose();
            throw new InvalidDataException($"{path} does not hold {network.GetName()} weights (saved with module.save): {e.Message}", e);
        }

        var victim = new Victim(network, path, classNames);
        victim.Freeze();
        return victim;
    }

    /// <summary>Logits [N, classes] of pictures in [0, 1] (pets: [N, 3, 128, 128], 0 = cat, 1 = dog; fashion: [N, 1, 28, 28]).</summary>
    public Tensor Logits(Tensor images) => Network.forward(images);

    /// <summary>Probabilities [N, classes], the article's softmax output (pets: rows (p_cat, p_dog)).</summary>
    public Tensor Probabilities(Tensor images)
    {
        using Tensor logits = Network.forward(images);
        return nn.functional.softmax(logits, 1);
    }

    /// <summary>The index of the most likely class of each picture, without gradients (pets: 0 = cat, 1 = dog, as <see cref="PetClass"/>).</summary>
    public long[] Classify(Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        return Network.forward(images).argmax(1).data<long>().ToArray();
    }

    /// <summary>Frees the network's tensors.</summary>
    public void Dispose() => Network.Dispose();

    /// <summary>Eval mode and frozen parameters, then checks both took effect on every module.</summary>
    /// <exception cref="InvalidOperationException">Some module stayed in training mode, or a parameter still requires grad.</exception>
    private void Freeze()
    {
        Network.eval();
        foreach (var parameter in Network.parameters())
        {
            parameter.requires_grad_(false);
        }

        string[] training = Network.named_modules().Where(m => m.module.training).Select(m => m.name).ToArray();
        if (Network.training || training.Length > 0)
        {
            throw new InvalidOperationException(
                $"eval() left modules in training mode: {string.Join(", ", training)}. TorchSharp before 0.105.1 ignored eval() on " +
                "Sequential (issue #1426); dropout and batch statistics would make every gradient noisy.");
        }

        string[] trainable = Network.named_parameters().Where(p => p.parameter.requires_grad).Select(p => p.name).ToArray();
        if (trainable.Length > 0)
        {
            throw new InvalidOperationException($"Parameters still require grad after freezing: {string.Join(", ", trainable)}.");
        }
    }
}
