using FluentAssertions;

using Katas.Testing.Oracles;

namespace Katas.Support.Tests;

public sealed class GradientCheckTests
{
    [Test]
    public void Central_differences_match_the_derivative_of_a_smooth_function()
    {
        // f(x, y) = x² y + sin y  =>  ∇f = (2xy, x² + cos y)
        double[] gradient = GradientCheck.CentralDifferences(p => p[0] * p[0] * p[1] + Math.Sin(p[1]), [1.5, -0.7]);
        gradient[0].Should().BeApproximately(2 * 1.5 * -0.7, 1e-8);
        gradient[1].Should().BeApproximately(1.5 * 1.5 + Math.Cos(-0.7), 1e-8);
    }

    [Test]
    public void Comparison_passes_within_tolerance_and_tabulates_a_mismatch()
    {
        GradientCheck.Compare(["a", "b"], [1.0, 2.0], [1.0 + 1e-10, 2.0], "mine", "numeric", relative: 1e-8).Should().BeNull();
        string? table = GradientCheck.Compare(["a", "b"], [1.0, -2.0], [1.0, 2.0], "mine", "numeric", relative: 1e-8);
        table.Should().Contain("b").And.Contain("<-- differs").And.Contain("numeric");
    }
}
