using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims;

/// <summary>
/// Trains the victims from generated pictures, deterministically: the same settings on the same machine and
/// thread count give the same weights (other thread counts or CPUs differ in the last bits, so accuracy
/// agrees to about a point, not the weights to the bit).
/// </summary>
public static class VictimTraining
{
    /// <summary>
    /// Trains the pets classifier on pictures 0 to <paramref name="pictures"/> - 1 of <paramref name="seed"/> for
    /// <paramref name="epochs"/> epochs, the rest as in <see cref="PetsTrainingSettings.Committed"/>.
    /// </summary>
    public static TrainedPets TrainPets(int seed, int pictures, int epochs, Action<TrainingProgress>? progress = null) =>
        TrainPets(PetsTrainingSettings.Committed with { Seed = seed, Pictures = pictures, Epochs = epochs }, progress);

    /// <summary>
    /// Trains the pets classifier: RMSprop with Keras' defaults (learning rate 1e-3, rho 0.9, epsilon 1e-7,
    /// as the article), cross-entropy on the logits, pictures reshuffled every epoch. Sets TorchSharp's thread
    /// count and seed. <paramref name="progress"/> hears after every step, and after every epoch with the
    /// held-out accuracy.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting out of range.</exception>
    public static TrainedPets TrainPets(PetsTrainingSettings settings, Action<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var clock = Stopwatch.StartNew();
        TorchRuntime.Initialise(settings.Threads, settings.Seed);

        using Tensor pictures = PetPictures.GenerateBytes(settings.Seed, 0, settings.Pictures);
        using Tensor labels = PetPictures.Labels(0, settings.Pictures);
        using LabelledImages? heldOut = settings.HeldOutPictures > 0
            ? PetPictures.Generate(settings.Seed, PetsTrainingSettings.HeldOutFirstIndex, settings.HeldOutPictures)
            : null;
        return Train(settings, pictures, labels, heldOut, clock, progress);
    }

    /// <summary>
    /// Trains the pets classifier on photographs (for example Kaggle's, read by <see cref="PetPhotos.LoadKaggleFolder"/>)
    /// instead of generated pictures: every tenth photograph (positions 9, 19, 29, ... of <paramref name="photos"/>) is
    /// held out to measure accuracy after each epoch, the others are trained on with the rest of <paramref name="settings"/>
    /// (its Pictures and HeldOutPictures are replaced by those counts; its Seed seeds the weights, dropout and shuffling).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than two photographs to train on.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting out of range.</exception>
    public static TrainedPets TrainPetsOnPhotos(PetsTrainingSettings settings, LabelledImages photos, Action<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(photos);
        long[] heldOutRows = Enumerable.Range(0, photos.Count).Where(IsHeldOutPhoto).Select(i => (long)i).ToArray();
        long[] trainingRows = Enumerable.Range(0, photos.Count).Where(i => !IsHeldOutPhoto(i)).Select(i => (long)i).ToArray();
        if (trainingRows.Length < 2)
        {
            throw new ArgumentException($"Training needs at least two photographs besides the held-out tenth; got {photos.Count} photographs in all.", nameof(photos));
        }

        settings = settings with { Pictures = trainingRows.Length, HeldOutPictures = heldOutRows.Length };
        settings.Validate();
        var clock = Stopwatch.StartNew();
        TorchRuntime.Initialise(settings.Threads, settings.Seed);

        // Photographs were decoded from 8-bit files, so back to bytes is exact, and training reads them as it reads generated
        // pictures. Converting all of them first, then choosing rows of the bytes, makes one float copy instead of two.
        using Tensor rows = torch.tensor(trainingRows);
        using Tensor scaled = photos.Images.mul(255f);
        using Tensor bytes = scaled.round_().to(ScalarType.Byte);
        using Tensor pictures = bytes.index_select(0, rows);
        using Tensor labels = photos.Labels.index_select(0, rows);
        using Tensor heldOutIndices = torch.tensor(heldOutRows);
        using LabelledImages? heldOut = heldOutRows.Length == 0 ? null : new LabelledImages(
            photos.Images.index_select(0, heldOutIndices), photos.Labels.index_select(0, heldOutIndices),
            heldOutRows.Select(i => photos.Names[(int)i]).ToList());
        return Train(settings, pictures, labels, heldOut, clock, progress);
    }

    private static bool IsHeldOutPhoto(int position) => position % 10 == 9;

    private static TrainedPets Train(PetsTrainingSettings settings, Tensor pictures, Tensor labels, LabelledImages? heldOut, Stopwatch clock, Action<TrainingProgress>? progress)
    {
        var network = new PetsNetwork();
        using optim.Optimizer optimizer = settings.Optimizer == PetsOptimizer.Adam
            ? torch.optim.Adam(network.parameters(), lr: settings.LearningRate)
            : torch.optim.RMSProp(network.parameters(), lr: settings.LearningRate, alpha: 0.9, eps: 1e-7);
        var shuffle = new Random(settings.Seed);
        int batch = Math.Min(settings.BatchSize, settings.Pictures);
        int steps = settings.Pictures / batch;
        var epochs = new List<TrainingProgress>();
        double heldOutAccuracy = double.NaN;
        for (int epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            network.train();
            double rate = epoch > settings.Epochs - settings.SlowEpochs ? settings.LearningRate / 10 : settings.LearningRate;
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = rate;
            }

            long[] order = Enumerable.Range(0, settings.Pictures).Select(i => (long)i).ToArray();
            shuffle.Shuffle(order);
            double lossSum = 0;
            long correct = 0;
            TrainingProgress report = null!;
            for (int step = 1; step <= steps; step++)
            {
                using (var scope = NewDisposeScope())
                {
                    Tensor indices = torch.tensor(order.AsSpan((step - 1) * batch, batch).ToArray());
                    Tensor x = pictures.index_select(0, indices).to(ScalarType.Float32).div_(255f);
                    Tensor y = labels.index_select(0, indices);
                    optimizer.zero_grad();
                    Tensor logits = network.forward(x);
                    Tensor loss = nn.functional.cross_entropy(logits, y);
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.item<float>();
                    correct += logits.argmax(1).eq(y).sum().item<long>();
                }

                bool last = step == steps;
                if (last && heldOut is not null)
                {
                    heldOutAccuracy = Accuracy(network, heldOut);
                }

                report = new TrainingProgress(epoch, settings.Epochs, step, steps, lossSum / step, (double)correct / (step * batch),
                    last && heldOut is not null ? heldOutAccuracy : null, clock.Elapsed);
                progress?.Invoke(report);
            }

            epochs.Add(report);
        }

        network.eval();
        return new TrainedPets(network, settings, heldOutAccuracy, epochs, clock.Elapsed);
    }

    /// <summary>
    /// Fraction of <paramref name="pictures"/> the network classifies right, computed in eval mode without
    /// gradients; the network's mode is restored afterwards.
    /// </summary>
    public static double Accuracy(nn.Module<Tensor, Tensor> network, LabelledImages pictures, int batchSize = 100)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(pictures);
        bool wasTraining = network.training;
        network.eval();
        long correct = 0;
        using (torch.no_grad())
        {
            for (int start = 0; start < pictures.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                int length = Math.Min(batchSize, pictures.Count - start);
                Tensor logits = network.forward(pictures.Images.narrow(0, start, length));
                correct += logits.argmax(1).eq(pictures.Labels.narrow(0, start, length)).sum().item<long>();
            }
        }

        network.train(wasTraining);
        return pictures.Count == 0 ? double.NaN : (double)correct / pictures.Count;
    }
}
