using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Katas.Adversarial.Tests;

/// <summary>
/// A two-class classifier whose class-1 logit is a bowl, −Σ (x − c)², peaking at the picture c = 0.5 everywhere (class 0's
/// logit is 0). Raising class 1 means moving every value toward 0.5, so the sign of the input gradient at a value says on which
/// side of 0.5 it is: a step that crosses 0.5 flips it. The tiny network's gradient signs hardly change within an attack, so
/// tests that need them to change use this.
/// </summary>
internal sealed class BowlClassifier : nn.Module<Tensor, Tensor>
{
    /// <summary>The value every pixel of the bowl's centre has.</summary>
    public const double Centre = 0.5;

    private readonly Parameter _centre;

    public BowlClassifier() : base("bowl")
    {
        _centre = new Parameter(torch.full([1, TinyClassifier.Channels, TinyClassifier.Side, TinyClassifier.Side], Centre, ScalarType.Float64));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        Tensor score = (input - _centre).square().flatten(1).sum(1).neg();
        return torch.stack([torch.zeros_like(score), score], 1);
    }
}
