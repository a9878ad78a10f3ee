using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Dense;

/// <summary>Task 5: the same network the built-in way: TorchSharp's layers, loss and RMSprop.</summary>
public static class BuiltInNetwork
{
    /// <summary>
    /// nn.Sequential(Linear(784 → 512), ReLU, Linear(512 → 10)). It outputs logits, not probabilities:
    /// the loss (cross_entropy) applies log-softmax itself.
    /// </summary>
    public static Sequential Build() => throw new NotImplementedException(
        "Kata 05, task 5 (BuiltInNetwork.Build) is not implemented yet: see katas/05-dense/README.md, task 5.");

    /// <summary>
    /// Trains <paramref name="model"/> in training mode with torch.optim.RMSProp (lr 1e-3, alpha 0.9, eps 1e-7:
    /// Keras' defaults, see <see cref="BookSettings"/>) on the cross-entropy of its logits: per batch zero_grad,
    /// forward, loss, backward, step. One optimizer for the whole run. Batches from your
    /// <see cref="BatchGenerator"/>. Records per epoch the mean batch loss weighted by batch size and the training
    /// accuracy after the epoch (<see cref="Evaluate"/>).
    /// </summary>
    /// <param name="model">The network (logits out); trained in place.</param>
    /// <param name="images">Training images, [n, 784].</param>
    /// <param name="labels">Their labels, int64 [n].</param>
    /// <param name="epochs">Passes over the data, 0 or more.</param>
    /// <param name="batchSize">Images per batch.</param>
    /// <param name="shuffle">The generator for each epoch's order, or null to keep the data's order.</param>
    /// <param name="progress">Called after each epoch with its result (may be null).</param>
    public static TrainingHistory Fit(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels, int epochs, int batchSize = BookSettings.BatchSize,
        Generator? shuffle = null, Action<EpochResult>? progress = null)
    {
        throw new NotImplementedException(
            "Kata 05, task 5 (BuiltInNetwork.Fit) is not implemented yet: see katas/05-dense/README.md, task 5.");
    }

    /// <summary>
    /// The share of <paramref name="images"/> whose largest logit is at their label, 0..1, with the network in
    /// evaluation mode (model.eval(): dropout off, batch norm frozen) and under torch.no_grad().
    /// </summary>
    /// <param name="model">The network (logits out).</param>
    /// <param name="images">Images, [n, 784].</param>
    /// <param name="labels">Their labels, int64 [n].</param>
    public static double Evaluate(nn.Module<Tensor, Tensor> model, Tensor images, Tensor labels)
    {
        throw new NotImplementedException(
            "Kata 05, task 5 (BuiltInNetwork.Evaluate) is not implemented yet: see katas/05-dense/README.md, task 5.");
    }
}
