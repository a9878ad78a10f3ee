using Katas.Testing;
using Katas.Testing.Coaching;
using Katas.Testing.Oracles;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Dense.Tests;

/// <summary>Task 4: FromScratch.Fit and FromScratch.Evaluate.</summary>
[KataTask(4)]
public sealed class Task4FromScratchTests : KataTest
{
    /// <summary>
    /// The from-scratch network after <see cref="TrainedRuns"/>' short run must beat this test accuracy on the subset's
    /// 1,000 test images. Measured with the reference solution: see docs/05-dense.md; the threshold leaves a margin.
    /// </summary>
    public const double AccuracyToBeat = 0.62;

    [Test]
    public void Fit_records_one_entry_per_epoch_numbered_from_one()
    {
        (NaiveSequential model, Tensor x, Tensor y) = Task3TrainingStepTests.Tiny();
        TrainingHistory history = LearnerCode.Run(() => FromScratch.Fit(model, x, y, epochs: 4, batchSize: 4, learningRate: 0.01), "FromScratch.Fit");
        Assert.That(history, Is.Not.Null, "Fit returned null: return the TrainingHistory you recorded.");
        Assert.That(history.Select(epoch => epoch.Epoch), Is.EqualTo(new[] { 1, 2, 3, 4 }), "Fit(epochs: 4) should record epochs 1, 2, 3, 4 (history.Add once per epoch).");
    }

    [Test]
    public void Fit_reports_each_epoch_to_progress_as_it_ends()
    {
        (NaiveSequential model, Tensor x, Tensor y) = Task3TrainingStepTests.Tiny();
        var reported = new List<EpochResult>();
        TrainingHistory history = LearnerCode.Run(() => FromScratch.Fit(model, x, y, epochs: 3, batchSize: 4, learningRate: 0.01, progress: reported.Add),
            "FromScratch.Fit");
        ProgressCheck.AssertEveryEpochReported(history, reported, "FromScratch.Fit");
    }

    [Test]
    public void Fit_takes_one_step_per_batch_of_the_size_it_is_given()
    {
        // 6 images in batches of 4, in data order: two steps, on images 0-3 and then 4-5. The oracle steps by hand, with central
        // finite differences of the float64 network for the gradients.
        const double rate = 0.5;
        (NaiveSequential model, Tensor x, Tensor y) = Task3TrainingStepTests.Tiny();
        Oracle.Net start = Oracle.Read(model);
        double[][] rows = Oracle.Rows(x);
        long[] labels = Oracle.Longs(y);
        TrainingHistory history = LearnerCode.Run(() => FromScratch.Fit(model, x, y, epochs: 1, batchSize: 4, learningRate: rate), "FromScratch.Fit");
        double[] yours = Oracle.Read(model).Flat();
        (double[] expected, double expectedLoss) = StepsByHand(start, rows, labels, rate, [(0, 4), (4, 2)]);
        double worst = Oracle.LargestDifference(yours, expected);
        // The causes are looked for only when the test fails: they step by hand again and call the learner's TrainingStep.
        Assert.That(worst, Is.LessThan(1e-6), () =>
        {
            double[] oneBatch = StepsByHand(start, rows, labels, rate, [(0, 6)]).Weights;
            double[] atDefaultRate = StepsByHand(start, rows, labels, BookSettings.FromScratchLearningRate, [(0, 4), (4, 2)]).Weights;
            return $"Expected: Fit(batchSize: 4) on 6 images takes two steps of rate {rate}, on images 0-3 and then 4-5. Got: weights up to {worst:G3} away " +
                   "from those two steps (by hand). " +
                   (Oracle.LargestDifference(yours, oneBatch) < 1e-6
                       ? "They match ONE step on all 6 images: the batchSize argument is ignored (the book's 128 holds all 6). Make each epoch's " +
                         "BatchGenerator with the batchSize Fit is given."
                       : Oracle.LargestDifference(yours, atDefaultRate) < 1e-9
                           ? $"They match the two steps at the book's rate {BookSettings.FromScratchLearningRate}: the learningRate argument is ignored. " +
                             "Pass the learningRate Fit is given on to TrainingStep.Take."
                           : EarlierTaskCause(rate, oneBatch) ?? "Make a new BatchGenerator(images, labels, batchSize, shuffle) each epoch and call TrainingStep.Take once per batch.");
        });
        Assert.That(history[0].Loss, Is.EqualTo(expectedLoss).Within(1e-6).Percent,
            $"Expected: the epoch's loss is the two batches' losses (each before its step) weighted by their sizes, (4·L₁ + 2·L₂)/6 = {expectedLoss:G8}. " +
            $"Got: {history[0].Loss:G8}.");
    }

    [Test]
    public void An_epochs_accuracy_is_measured_after_its_steps()
    {
        // One step on all 6 images at a rate that changes which classes win (found by stepping by hand first), so the accuracy
        // before the epoch and after it differ.
        (NaiveSequential model, Tensor x, Tensor y) = Task3TrainingStepTests.Tiny();
        Oracle.Net start = Oracle.Read(model);
        double[][] rows = Oracle.Rows(x);
        long[] labels = Oracle.Longs(y);
        double before = Oracle.Accuracy(Oracle.Forward(start, rows), labels);
        double[] OneStep(double r) => StepsByHand(start, rows, labels, r, [(0, 6)]).Weights;
        double AccuracyOf(double[] weights) => Oracle.Accuracy(Oracle.Forward(start.With(weights), rows), labels);
        double rate = new[] { 0.5, 1, 2, 5, 10 }.First(r => AccuracyOf(OneStep(r)) != before);
        double[] stepped = OneStep(rate);
        double after = AccuracyOf(stepped);
        TrainingHistory history = LearnerCode.Run(() => FromScratch.Fit(model, x, y, epochs: 1, batchSize: 6, learningRate: rate), "FromScratch.Fit");
        Assert.That(history[0].Accuracy, Is.EqualTo(after).Within(1e-9), () =>
            $"Expected: the epoch's accuracy is measured on the training data AFTER the epoch's steps: {after:G4} (before them it was {before:G4}). " +
            $"Got: {history[0].Accuracy:G4}." + WhyTheAccuracyDiffers(model, x, y, rows, labels, rate, stepped, history[0].Accuracy, before));
    }

    /// <summary>
    /// Why an epoch's accuracy is not the one after its step, checked in the order the causes come: the step itself (its own
    /// test says how it differs), then Evaluate on the trained network, and only then the moment the accuracy is taken.
    /// <paramref name="stepped"/> is the network after the step by hand.
    /// </summary>
    private static string WhyTheAccuracyDiffers(NaiveSequential model, Tensor x, Tensor y, double[][] rows, long[] labels,
        double rate, double[] stepped, double reported, double before)
    {
        if (Oracle.LargestDifference(Oracle.Read(model).Flat(), stepped) > 1e-6)
        {
            return $" Your network after Fit is not the one a step of rate {rate} on all 6 images gives, so its accuracy differs too: " +
                   (EarlierTaskCause(rate, stepped) ?? "fix the step first (the test Fit_takes_one_step_per_batch_of_the_size_it_is_given says how it differs).");
        }

        double trained = Oracle.Accuracy(Oracle.Forward(Oracle.Read(model), rows), labels);
        double evaluated = LearnerCode.Run(() => FromScratch.Evaluate(model, x, y), "FromScratch.Evaluate");
        if (Math.Abs(evaluated - trained) > 1e-9)
        {
            return $" Your Evaluate gives {evaluated:G4} on the trained network, whose share of images classified right is {trained:G4}: fix " +
                   "Evaluate first (the test Evaluate_is_the_share_of_images_whose_most_probable_class_is_their_label says how).";
        }

        return Math.Abs(reported - before) < 1e-9 ? " That is the accuracy before the epoch: call Evaluate after the epoch's last step." : "";
    }

    /// <summary>
    /// Fit's steps are task 3's TrainingStep.Take: when one Take on the tiny batch already differs from a step by hand, task 3 is
    /// the cause to name (a wrong loss or update shows up in every Fit test). <paramref name="oneStepByHand"/> is the tiny
    /// network after one step by hand at <paramref name="rate"/> on all 6 images. Null when Take agrees.
    /// </summary>
    private static string? EarlierTaskCause(double rate, double[] oneStepByHand)
    {
        (NaiveSequential model, Tensor x, Tensor y) = Task3TrainingStepTests.Tiny();
        LearnerCode.Run(() => TrainingStep.Take(model, x, y, rate), "TrainingStep.Take");
        double gap = Oracle.LargestDifference(Oracle.Read(model).Flat(), oneStepByHand);
        return gap <= 1e-6
            ? null
            : $"Your TrainingStep.Take (task 3) alone is already {gap:G3} away from one step by hand on these 6 images, and Fit's steps are " +
              "Take's: fix task 3 first (its tests say how the loss or the update differs).";
    }

    /// <summary>Plain gradient descent on <paramref name="batches"/> (start, count) in turn; the weights after, and the size-weighted mean of the losses before each step.</summary>
    private static (double[] Weights, double EpochLoss) StepsByHand(Oracle.Net start, double[][] rows, long[] labels, double rate, (int Start, int Count)[] batches)
    {
        double[] weights = start.Flat();
        double lossSum = 0;
        foreach ((int first, int count) in batches)
        {
            double[][] batchRows = rows[first..(first + count)];
            long[] batchLabels = labels[first..(first + count)];
            double Loss(double[] flat) => Oracle.Loss(start.With(flat), batchRows, batchLabels);
            lossSum += Loss(weights) * count;
            double[] gradient = GradientCheck.CentralDifferences(Loss, weights);
            weights = weights.Zip(gradient, (w, g) => w - rate * g).ToArray();
        }

        return (weights, lossSum / rows.Length);
    }

    [Test]
    public void An_epochs_loss_is_the_mean_over_all_its_images_and_its_accuracy_is_measured_on_the_training_data()
    {
        // At learning rate 0 nothing moves, so the epoch's loss is the loss of the start over all 150 images, whatever the batches.
        NaiveSequential model = LearnerCode.Run(() => NaiveSequential.BookNetwork(new Generator(1)), "NaiveSequential.BookNetwork");
        using (torch.no_grad())
        {
            foreach (NaiveDense layer in model.Layers)
            {
                layer.W.sub_(0.05);
            }
        }

        Tensor x = Oracle.TrainImages.narrow(0, 0, 150);
        Tensor y = Oracle.TrainLabels.narrow(0, 0, 150);
        double[][] probabilities = Oracle.Forward(Oracle.Read(model), Oracle.Rows(x));
        double expectedLoss = Oracle.CrossEntropy(probabilities, Oracle.Longs(y));
        double expectedAccuracy = Oracle.Accuracy(probabilities, Oracle.Longs(y));
        TrainingHistory history = LearnerCode.Run(() => FromScratch.Fit(model, x, y, epochs: 1, batchSize: 64, learningRate: 0), "FromScratch.Fit (rate 0)");
        Assert.Multiple(() =>
        {
            Assert.That(history[0].Loss, Is.EqualTo(expectedLoss).Within(1e-4).Percent,
                $"With rate 0 the epoch's loss should be the mean loss over all 150 images, {expectedLoss:G6}; yours is {history[0].Loss:G6}. " +
                "150 images make batches of 64, 64 and 22: weight each batch's mean loss by its size (a plain mean of the three over-weights the short one).");
            Assert.That(history[0].Accuracy, Is.EqualTo(expectedAccuracy).Within(1e-9),
                $"The epoch's accuracy should be your Evaluate on the training data after the epoch: {expectedAccuracy:G6}; yours is {history[0].Accuracy:G6}.");
        });
    }

    [Test]
    public void Evaluate_is_the_share_of_images_whose_most_probable_class_is_their_label()
    {
        (NaiveSequential model, Tensor x, _) = Task3TrainingStepTests.Tiny();
        double[][] probabilities = Oracle.Forward(Oracle.Read(model), Oracle.Rows(x));
        long[] predicted = probabilities.Select(p => (long)Array.IndexOf(p, p.Max())).ToArray();
        long[] labels = [predicted[0], predicted[1], predicted[2], (predicted[3] + 1) % 3, predicted[4], (predicted[5] + 1) % 3];
        using Tensor y = torch.tensor(labels);
        double accuracy = LearnerCode.Run(() => FromScratch.Evaluate(model, x, y), "FromScratch.Evaluate");
        Assert.That(accuracy, Is.EqualTo(4.0 / 6).Within(1e-12), () =>
            $"4 of the 6 images have their most probable class at their label, so the accuracy is 0.6667; yours is {accuracy:G6}. " +
            (EvaluationCheck.WrongForward(model.Forward, x, predicted, ties: 0) ?? "Compare argmax(dim 1) of the output with the labels and average."));
    }

    [Test]
    public void Evaluate_compares_every_image_with_its_own_label_beyond_the_first_1000()
    {
        // 2,000 images whose labels are a small network's own predictions, except every fifth one: an accuracy of exactly 0.8, all
        // the way through the data (a code that evaluates in chunks must pair each chunk with its own labels).
        NaiveSequential model = LearnerCode.Run(() => new NaiveSequential(
        [
            new NaiveDense(784, 16, z => torch.nn.functional.relu(z), new Generator(21)),
            new NaiveDense(16, 10, z => torch.nn.functional.softmax(z, dim: 1), new Generator(22)),
        ]), "new NaiveSequential of two NaiveDense layers");
        using (torch.no_grad())
        {
            // Centred weights, so the predictions spread over the classes.
            var generator = new Generator(23);
            model.Layers[0].W.copy_(torch.randn(784, 16, generator: generator) * 0.3);
            model.Layers[1].W.copy_(torch.randn(16, 10, generator: generator));
        }

        double[][] probabilities = Oracle.Forward(Oracle.Read(model), Oracle.Rows(Oracle.TrainImages));
        EvaluationCheck.AssertEveryImageMeetsItsOwnLabel(probabilities, (images, labels) => FromScratch.Evaluate(model, images, labels), "FromScratch.Evaluate",
            model.Forward);
    }

    [Test]
    public void Evaluate_does_not_leak_tensors()
    {
        (NaiveSequential model, Tensor x, Tensor y) = Task3TrainingStepTests.Tiny();
        LeakCheck.AssertNoLeak(calls =>
        {
            for (int call = 0; call < calls; call++)
            {
                FromScratch.Evaluate(model, x, y);
            }
        }, "FromScratch.Evaluate");
    }

    [Test]
    public void Evaluate_records_no_autograd_graph()
    {
        var gradEnabled = new List<bool>();
        var generator = new Generator(3);
        var model = LearnerCode.Run(() => new NaiveSequential(
        [
            new NaiveDense(784, 10, z => { gradEnabled.Add(torch.is_grad_enabled()); return torch.nn.functional.softmax(z, dim: 1); }, generator),
        ]), "new NaiveSequential");
        LearnerCode.Run(() => FromScratch.Evaluate(model, Oracle.TestImages.narrow(0, 0, 50), Oracle.TestLabels.narrow(0, 0, 50)), "FromScratch.Evaluate");
        Assert.That(gradEnabled, Is.Not.Empty, "Evaluate never ran the network's Forward.");
        Assert.That(gradEnabled.Any(enabled => enabled), Is.False,
            "Evaluate ran the network with gradients recorded: every forward pass built an autograd graph nobody uses (memory and time). Wrap it in using (torch.no_grad()) { ... }.");
    }

    [Test]
    public void The_network_learns_Fashion_MNIST_beyond_the_stated_accuracy()
    {
        TrainedRun run = TrainedRuns.FromScratchRun();
        TestContext.Out.WriteLine($"From scratch, {TrainedRuns.FromScratchEpochs} epochs on 2,000 images: losses {string.Join(", ", run.History.Select(e => e.Loss.ToString("0.0000")))}, " +
                                  $"training accuracy {run.History.Last.Accuracy:0.0000}, test accuracy {run.TestAccuracy:0.0000}");
        Diagnosis? diagnosis = Coach.ExamineLosses(run.History.Select(e => e.Loss).ToList(), TrainedRuns.FromScratchRate.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(run.TestAccuracy, Is.GreaterThan(AccuracyToBeat),
            $"After {TrainedRuns.FromScratchEpochs} epochs on the first 2,000 training images (centred start, rate {TrainedRuns.FromScratchRate}, batch 128) the network should classify " +
            $"more than {AccuracyToBeat:P0} of the 1,000 test images; yours: {run.TestAccuracy:P1} (losses per epoch: {string.Join(", ", run.History.Select(e => e.Loss.ToString("G4")))})." +
            (diagnosis is null ? "" : "\n" + diagnosis.Message));
    }

    [Test]
    public void The_from_scratch_code_uses_no_nn_module_and_no_optimizer()
    {
        // The scan means something only once there is code to scan: first train a tiny network one epoch by hand.
        (NaiveSequential model, Tensor x, Tensor y) = Task3TrainingStepTests.Tiny();
        LearnerCode.Run(() => FromScratch.Fit(model, x, y, epochs: 1, batchSize: 4, learningRate: 0.01), "FromScratch.Fit");
        IReadOnlyList<string> findings = FromScratchScan.Findings();
        Assert.That(findings, Is.Empty,
            "Tasks 1-4 build and train the network by hand: no nn layers or loss modules, no optimizer object (torch.nn.functional's relu and softmax are fine). Found:\n  " +
            string.Join("\n  ", findings));
    }

    [Test]
    public void Fit_frees_each_batchs_tensors_when_its_step_is_done()
    {
        var counts = new List<long>();
        NaiveSequential model = LearnerCode.Run(() => new NaiveSequential(
        [
            new NaiveDense(784, 8, z =>
            {
                counts.Add(BatchScopeCheck.LiveNow());
                return torch.nn.functional.relu(z);
            }, new Generator(31)),
            new NaiveDense(8, 10, z => torch.nn.functional.softmax(z, dim: 1), new Generator(32)),
        ]), "new NaiveSequential of two NaiveDense layers");
        Tensor x = Oracle.TrainImages.narrow(0, 0, BatchScopeCheck.Images);
        Tensor y = Oracle.TrainLabels.narrow(0, 0, BatchScopeCheck.Images);
        LearnerCode.Run(() => FromScratch.Fit(model, x, y, epochs: 1, batchSize: BatchScopeCheck.BatchSize, learningRate: 0.01), "FromScratch.Fit");
        BatchScopeCheck.AssertLevel(counts, "FromScratch.Fit");
    }

    [Test]
    public void A_training_run_does_not_leak_tensors()
    {
        (NaiveSequential model, Tensor x, Tensor y) = Task3TrainingStepTests.Tiny();
        LeakCheck.AssertNoLeak(epochs => FromScratch.Fit(model, x, y, epochs, batchSize: 4, learningRate: 0.01, shuffle: new Generator(2)), "FromScratch.Fit");
    }
}
