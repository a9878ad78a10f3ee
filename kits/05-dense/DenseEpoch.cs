using System.Diagnostics;
using Katas.Kits;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Dense.Kit;

/// <summary>Where one epoch's time went: the phases <see cref="DenseEpoch"/> times, in seconds of the thread's CPU time (waiting for a busy core not counted).</summary>
/// <param name="Shuffle">Putting the images and labels in the epoch's order.</param>
/// <param name="Forward">Forward passes and losses of the training steps.</param>
/// <param name="Backward">Backward passes.</param>
/// <param name="Update">Optimizer steps (built in) or the hand-written updates (from scratch: the rest of TrainingStep.Take).</param>
/// <param name="Evaluation">The training accuracy after the epoch.</param>
public readonly record struct EpochPhases(double Shuffle, double Forward, double Backward, double Update, double Evaluation)
{
    /// <summary>All phases.</summary>
    public double Total => Shuffle + Forward + Backward + Update + Evaluation;
}

/// <summary>One timed epoch: its wall time, its CPU time, its phases, and what it ended with.</summary>
/// <param name="Seconds">Wall time of the whole epoch.</param>
/// <param name="CpuSeconds">CPU time of the thread during the epoch (on a loaded machine, wall time also counts waiting for a core).</param>
/// <param name="Phases">Its phases.</param>
/// <param name="Loss">Mean training loss over the epoch's batches, weighted by batch size.</param>
/// <param name="Accuracy">Training accuracy after the epoch.</param>
public sealed record TimedEpoch(double Seconds, double CpuSeconds, EpochPhases Phases, double Loss, double Accuracy);

/// <summary>
/// The kit's own training epoch for kata 05's networks, which `katas bench dense` times and which
/// pytorch/dense_epoch.py repeats op for op. The learner's code does the learning (the network of
/// BuiltInNetwork.Build; NaiveSequential and TrainingStep.Take from scratch); the loop, the batching and the evaluation
/// are the kit's, and written not to waste time around libtorch:
/// <list type="bullet">
/// <item>the epoch's order is applied once, into a buffer allocated once (index_copy_ with the inverse order), so every
/// batch is a view (narrow) instead of an index_select copy and an index tensor per batch;</item>
/// <item>gradients are set to none instead of zeroed, so backward writes them instead of adding them onto zeros;</item>
/// <item>the loss is summed on the tensor side and read once per epoch (the from-scratch step returns a double, as the
/// learner wrote it);</item>
/// <item>the accuracy is evaluated in chunks of <see cref="EvaluationChunk"/> images, counted on the tensor side and
/// read once.</item>
/// </list>
/// Every batch runs in its own DisposeScope.
/// </summary>
public sealed class DenseEpoch : IDisposable
{
    /// <summary>Images per forward pass of the evaluation: large enough to run the matrix product at full speed, small enough to bound memory (10 MB of activations).</summary>
    public const int EvaluationChunk = 5000;

    private readonly Tensor _images;
    private readonly Tensor _labels;
    private readonly Tensor _shuffledImages;
    private readonly Tensor _shuffledLabels;

    /// <summary>Prepares epochs over <paramref name="images"/> [n, 784] and <paramref name="labels"/> [n] in batches of <paramref name="batchSize"/>.</summary>
    public DenseEpoch(Tensor images, Tensor labels, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _images = images;
        _labels = labels;
        BatchSize = batchSize;
        _shuffledImages = torch.empty_like(images).DetachFromDisposeScope();
        _shuffledLabels = torch.empty_like(labels).DetachFromDisposeScope();
    }

    /// <summary>Images per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Images in the epoch.</summary>
    public long Count => _images.shape[0];

    /// <summary>
    /// One epoch of the built-in network: per batch, gradients to none, forward, cross-entropy, backward, the optimizer's
    /// step; then the training accuracy.
    /// </summary>
    /// <param name="model">The network (logits out), trained in place.</param>
    /// <param name="optimizer">Its optimizer (RMSprop in the bench).</param>
    /// <param name="order">The epoch's order, a permutation of 0..n−1 (int64 [n]).</param>
    public TimedEpoch TrainBuiltIn(nn.Module<Tensor, Tensor> model, OptimizerHelper optimizer, Tensor order)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var clock = Stopwatch.StartNew();
        double cpu = ThreadClock.Seconds();
        double shuffle = Shuffle(order);
        double forward = 0, backward = 0, update = 0;
        model.train();
        using Tensor lossSum = torch.zeros(1, ScalarType.Float64);
        for (long start = 0; start < Count; start += BatchSize)
        {
            using var scope = torch.NewDisposeScope();
            long size = Math.Min(BatchSize, Count - start);
            double t0 = ThreadClock.Seconds();
            model.zero_grad(set_to_none: true);
            Tensor loss = torch.nn.functional.cross_entropy(model.forward(_shuffledImages.narrow(0, start, size)), _shuffledLabels.narrow(0, start, size));
            double t1 = ThreadClock.Seconds();
            loss.backward();
            double t2 = ThreadClock.Seconds();
            optimizer.step();
            double t3 = ThreadClock.Seconds();
            using (torch.no_grad())
            {
                lossSum.add_(loss, alpha: size);
            }

            forward += t1 - t0;
            backward += t2 - t1;
            update += t3 - t2;
        }

        double meanLoss = lossSum.ToDouble() / Count;
        (double accuracy, double evaluation) = Evaluate(() => model.eval(), images => model.forward(images));
        return new TimedEpoch(clock.Elapsed.TotalSeconds, ThreadClock.Seconds() - cpu, new EpochPhases(shuffle, forward, backward, update, evaluation), meanLoss, accuracy);
    }

    /// <summary>
    /// One epoch of the network built by hand: per batch, the learner's TrainingStep.Take (forward, loss, backward, the
    /// update by hand, gradients reset); then the training accuracy. Take's time counts as forward, backward and update
    /// together (under Update): it is the learner's own step.
    /// </summary>
    /// <param name="model">The network, trained in place.</param>
    /// <param name="learningRate">The SGD step size.</param>
    /// <param name="order">The epoch's order, a permutation of 0..n−1 (int64 [n]).</param>
    public TimedEpoch TrainFromScratch(NaiveSequential model, double learningRate, Tensor order)
    {
        ArgumentNullException.ThrowIfNull(model);
        var clock = Stopwatch.StartNew();
        double cpu = ThreadClock.Seconds();
        double shuffle = Shuffle(order);
        double lossSum = 0;
        double steps = 0;
        for (long start = 0; start < Count; start += BatchSize)
        {
            using var scope = torch.NewDisposeScope();
            long size = Math.Min(BatchSize, Count - start);
            double t0 = ThreadClock.Seconds();
            lossSum += TrainingStep.Take(model, _shuffledImages.narrow(0, start, size), _shuffledLabels.narrow(0, start, size), learningRate) * size;
            steps += ThreadClock.Seconds() - t0;
        }

        (double accuracy, double evaluation) = Evaluate(() => { }, model.Forward);
        return new TimedEpoch(clock.Elapsed.TotalSeconds, ThreadClock.Seconds() - cpu, new EpochPhases(shuffle, 0, 0, steps, evaluation), lossSum / Count, accuracy);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _shuffledImages.Dispose();
        _shuffledLabels.Dispose();
    }

    /// <summary>Copies the images and labels into the epoch's order: shuffled[k] = data[order[k]], written as shuffled[inverse[i]] = data[i].</summary>
    private double Shuffle(Tensor order)
    {
        ArgumentNullException.ThrowIfNull(order);
        double cpu = ThreadClock.Seconds();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Tensor inverse = order.argsort();
        _shuffledImages.index_copy_(0, inverse, _images);
        _shuffledLabels.index_copy_(0, inverse, _labels);
        return ThreadClock.Seconds() - cpu;
    }

    /// <summary>The share of the training images whose largest output is at their label, and the seconds it took.</summary>
    private (double Accuracy, double Seconds) Evaluate(Action evaluationMode, Func<Tensor, Tensor> forward)
    {
        double cpu = ThreadClock.Seconds();
        evaluationMode();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Tensor correct = torch.zeros(1, ScalarType.Int64);
        for (long start = 0; start < Count; start += EvaluationChunk)
        {
            long size = Math.Min(EvaluationChunk, Count - start);
            using var chunk = torch.NewDisposeScope();
            correct.add_(forward(_images.narrow(0, start, size)).argmax(1).eq(_labels.narrow(0, start, size)).sum());
        }

        return ((double)correct.ToInt64() / Count, ThreadClock.Seconds() - cpu);
    }


}
