using FluentAssertions;
using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims.Tests;

public sealed class PetsNetworkTests : KataTest
{
    [Test]
    public void Logits_and_probabilities_have_one_row_of_two_per_picture()
    {
        using var network = new PetsNetwork();
        network.eval();
        using Tensor images = torch.rand(5, 3, 128, 128);

        using Tensor logits = network.forward(images);
        using Tensor probabilities = network.Probabilities(images);

        TensorAssert.HasShape(logits, [5, 2], "forward (logits)");
        TensorAssert.HasShape(probabilities, [5, 2], "Probabilities");
        using Tensor expected = logits.exp() / logits.exp().sum(1, keepdim: true);
        TensorAssert.Close(probabilities, TensorAssert.ToDoubles(expected), [5, 2], "Probabilities = exp(logits) / row sum", rtol: 1e-5, atol: 1e-7);
    }

    [Test]
    public void The_parameter_count_is_the_articles_layers_with_global_average_pooling()
    {
        // Independent count: conv k*k*in*out + out, batch norm 2 per channel (scale, shift), dense in*out + out.
        static long Conv(long inputs, long filters) => (3 * 3 * inputs * filters) + filters;
        static long Norm(long channels) => 2 * channels;
        static long Dense(long inputs, long outputs) => (inputs * outputs) + outputs;
        long expected = Conv(3, 32) + Norm(32) + Conv(32, 64) + Norm(64) + Conv(64, 128) + Norm(128) + Dense(128, 512) + Norm(512) + Dense(512, 2);

        using var network = new PetsNetwork();
        long actual = network.parameters().Sum(p => p.numel());

        expected.Should().Be(161_794);
        actual.Should().Be(expected, "the network should be conv 32/64/128 with batch norm, global average pooling, dense 512 with batch norm, dense 2");
        network.parameters().Should().OnlyContain(p => p.requires_grad, "a fresh network is trainable");
    }

    [Test]
    public void Batch_norm_uses_Keras_epsilon()
    {
        using var network = new PetsNetwork();
        var norms = network.modules().OfType<TorchSharp.Modules.BatchNorm>().ToArray();

        norms.Should().HaveCount(4);
        norms.Should().OnlyContain(n => Math.Abs(n.eps - 1e-3) < 1e-12);
    }

    [Test]
    public void A_picture_without_its_batch_dimension_gets_a_clear_error()
    {
        using var network = new PetsNetwork();
        using Tensor picture = torch.rand(3, 128, 128);

        FluentActions.Invoking(() => network.forward(picture)).Should().Throw<ArgumentException>()
            .WithMessage("*[N, 3, 128, 128]*got [3, 128, 128]*unsqueeze(0)*");
    }
}
