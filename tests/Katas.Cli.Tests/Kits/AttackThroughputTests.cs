using FluentAssertions;
using Katas.Adversarial.Kit;
using Katas.Victims;

namespace Katas.Cli.Tests.Kits;

/// <summary>`katas bench adversarial`'s throughput: how many passes a round makes, and that repeating passes changes nothing but the time.</summary>
public sealed class AttackThroughputTests
{
    [SetUp]
    public void Initialise() => TorchRuntime.Initialise();

    [TestCase(0.07, 15)]
    [TestCase(0.5, 2)]
    [TestCase(0.4, 3)]
    [TestCase(1.0, 1)]
    [TestCase(25.0, 1)]
    [TestCase(0.0, 1)]
    [TestCase(double.NaN, 1)]
    public void A_round_repeats_a_quick_pass_until_it_lasts_a_second(double passSeconds, int passes) =>
        ThroughputTable.PassesFor(passSeconds).Should().Be(passes, $"a pass of {passSeconds} s and rounds of at least {ThroughputTable.RoundSeconds} s");

    [TestCase(AttackMethod.Sign)]
    [TestCase(AttackMethod.Fgsm)]
    public void Several_passes_count_the_same_pictures_and_leave_no_tensor_behind(AttackMethod method)
    {
        using Victim fashion = Victim.LoadFashion();
        using LabelledImages pictures = FragilityStudy.FashionTest(12);
        long before = Katas.Kits.BenchMachine.LiveTensors();

        AttackTiming once = AttackThroughput.Run(fashion, pictures, method, target: 0);
        AttackTiming thrice = AttackThroughput.Run(fashion, pictures, method, target: 0, passes: 3);

        thrice.Check.Should().Be(once.Check, "every pass attacks the same pictures the same way, and the check counts the last");
        Katas.Kits.BenchMachine.LiveTensors().Should().Be(before, "each batch's and each pass's tensors are freed, and the last pass's after the check");
    }
}
