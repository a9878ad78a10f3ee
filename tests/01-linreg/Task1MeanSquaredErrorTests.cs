using Katas.Testing;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Linreg.Tests;

/// <summary>Task 1: Loss.MeanSquaredError.</summary>
[KataTask(1)]
public sealed class Task1MeanSquaredErrorTests : KataTest
{
    // The article's three hand-picked lines and the errors it printed for them (one decimal).
    [TestCase(4.0, -120.0, 1057.0)]
    [TestCase(2.0, 70.0, 720.8)]
    [TestCase(3.0, -30.0, 265.0)]
    public void The_articles_lines_have_the_errors_the_article_printed(double slope, double intercept, double published)
    {
        double actual = Mse(new Line(slope, intercept), ScalarType.Float32);
        Assert.That(actual, Is.EqualTo(published).Within(0.06),
            $"The mean squared error of {new Line(slope, intercept)} should be {published} (the article's value), " +
            $"but your Loss.MeanSquaredError gave {actual}. {Hint(actual, published, new Line(slope, intercept))}");
    }

    [Test]
    public void The_least_squares_line_has_the_smallest_error_127_1024()
    {
        double actual = Mse(new Line(6.041117, -230.530985), ScalarType.Float64);
        Assert.That(actual, Is.EqualTo(127.1024).Within(1e-4),
            $"The least-squares line's mean squared error is 127.1024; yours gave {actual}. {Hint(actual, 127.1024, new Line(6.041117, -230.530985))}");
    }

    [Test]
    public void The_error_is_a_scalar_of_the_datas_dtype([Values(ScalarType.Float32, ScalarType.Float64)] ScalarType dtype)
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(dtype);
        Tensor slope = torch.tensor(6.0, dtype: dtype);
        Tensor intercept = torch.tensor(-200.0, dtype: dtype);
        Tensor loss = LearnerCode.Run(() => Loss.MeanSquaredError(heights, weights, slope, intercept), "Loss.MeanSquaredError");
        TensorAssert.HasShape(loss, [], "The mean squared error");
        TensorAssert.HasDtype(loss, dtype, "The mean squared error", Causes.LossFollowsTheData);
    }

    [Test]
    public void The_error_matches_a_plain_loop_on_random_data()
    {
        var random = new Random(7);
        double[] h = Enumerable.Range(0, 37).Select(_ => random.NextDouble() * 10 - 5).ToArray();
        double[] w = Enumerable.Range(0, 37).Select(_ => random.NextDouble() * 10 - 5).ToArray();
        var line = new Line(-1.7, 0.4);
        Tensor loss = LearnerCode.Run(() => Loss.MeanSquaredError(torch.tensor(h), torch.tensor(w), torch.tensor(line.Slope), torch.tensor(line.Intercept)),
            "Loss.MeanSquaredError");
        double expected = Oracle.MeanSquaredError(h, w, line);
        TensorAssert.HasShape(loss, [], "The mean squared error of 37 random points");
        double yours = loss.ToDouble();
        // The sum divided by another count than the data's: a count written down for the article's sample (150, say).
        double count = expected * 37 / yours;
        Assert.That(yours, Is.EqualTo(expected).Within(1e-12 * Math.Abs(expected)),
            $"The mean squared error of 37 random points is {expected:R}; yours is {yours:R}." +
            (Math.Abs(count - Math.Round(count)) < 1e-6 && Math.Round(count) != 37
                ? $" That is their sum of squared errors divided by {Math.Round(count)}, not by 37: divide by the number of points the call is given (mean())."
                : ""));
    }

    [Test]
    public void The_error_keeps_the_autograd_graph_so_it_can_be_differentiated()
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(ScalarType.Float64);
        Tensor slope = torch.tensor(6.0, dtype: ScalarType.Float64, requires_grad: true);
        Tensor intercept = torch.tensor(-200.0, dtype: ScalarType.Float64, requires_grad: true);
        Tensor loss = LearnerCode.Run(() => Loss.MeanSquaredError(heights, weights, slope, intercept), "Loss.MeanSquaredError");
        Assert.That(loss.requires_grad, Is.True,
            "The loss does not require grad although the slope and intercept do: it was computed outside autograd " +
            "(through .ToDouble()/.item(), a C# loop, or under no_grad). Compute it with tensor operations only.");
        // The graph must reach both parameters: a slope read out as a number (slope.ToDouble()) leaves the loss in the graph through the
        // intercept alone.
        LearnerCode.Run(loss.backward, "backward() through Loss.MeanSquaredError");
        string[] cut = [.. new[] { ("slope", slope.grad), ("intercept", intercept.grad) }.Where(p => p.Item2 is null).Select(p => p.Item1)];
        Assert.That(cut, Is.Empty,
            $"The loss requires grad, but autograd finds no path from it to the {string.Join(" and the ", cut)}: that parameter was read out of its " +
            "tensor as a number (.ToDouble(), .ToSingle(), .item()) or detached, so the gradient step would never move it. Use the tensor itself: " +
            "slope * heights + intercept.");
    }

    private static double Mse(Line line, ScalarType dtype)
    {
        (Tensor heights, Tensor weights) = Oracle.Sample.ToTensors(dtype);
        Tensor loss = LearnerCode.Run(
            () => Loss.MeanSquaredError(heights, weights, torch.tensor(line.Slope, dtype: dtype), torch.tensor(line.Intercept, dtype: dtype)),
            "Loss.MeanSquaredError");
        TensorAssert.HasShape(loss, [], "The mean squared error");
        return loss.ToDouble();
    }

    private static string Hint(double actual, double expected, Line line)
    {
        int n = Oracle.Sample.Count;
        if (Math.Abs(actual - Table(line)) < 1e-4 * Math.Abs(actual))
        {
            return $"That is the mean over an n × n table ({n} × {n}) of every prediction against every weight: the heights and the weights " +
                   "were broadcast against each other (one of them shaped [n, 1], the other [n]). Keep both as [n], so the errors are n values.";
        }

        if (Math.Abs(actual - expected * n) < 1e-3 * expected * n)
        {
            return $"That is {n} times too large: take the mean of the squared errors, not their sum.";
        }

        if (Math.Abs(actual * actual - expected) < 1e-3 * expected)
        {
            return "That is the square root of the expected value (root mean squared error): don't take the square root.";
        }

        return "The loss is mean((slope * heights + intercept - weights)^2).";
    }

    /// <summary>The mean over i and j of (slope·hᵢ + intercept − wⱼ)²: what broadcasting [n, 1] against [n] averages.</summary>
    private static double Table(Line line)
    {
        IReadOnlyList<double> h = Oracle.Sample.Heights;
        IReadOnlyList<double> w = Oracle.Sample.Weights;
        return h.SelectMany(height => w.Select(weight => Math.Pow(line.At(height) - weight, 2))).Average();
    }
}
