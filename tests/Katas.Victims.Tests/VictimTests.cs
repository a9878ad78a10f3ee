using FluentAssertions;
using Katas.Testing;
using TorchSharp;
using static TorchSharp.torch;

namespace Katas.Victims.Tests;

public sealed class VictimTests : KataTest
{
    private const long MaxWeightsBytes = 5L * 1024 * 1024;

    [Test]
    public void The_committed_weights_are_small_and_copied_beside_the_program()
    {
        var file = new FileInfo(Victim.PetsWeightsPath);

        file.Exists.Should().BeTrue($"the build copies src/Katas.Victims/Weights/pets.bin to {file.FullName}");
        file.Length.Should().BeLessThan(MaxWeightsBytes, "the committed weights must stay under 5 MB");
    }

    [Test]
    public void The_committed_weights_classify_held_out_pictures_at_least_97_percent_right()
    {
        // Seed and indices never used in training (training uses indices below 1,000,000 of the committed seed).
        using var victim = Victim.LoadPets();
        using LabelledImages heldOut = PetPictures.Generate(seed: 97, firstIndex: 3_000_000, count: 200);

        double accuracy = VictimTraining.Accuracy(victim.Network, heldOut);

        accuracy.Should().BeGreaterThanOrEqualTo(0.97,
            "the committed pets classifier should recognise fresh generated pictures; if this fails, the generator changed " +
            "after the weights were trained: retrain with `katas train-victim pets` and commit Weights/pets.bin");
    }

    [Test]
    public void A_loaded_victim_is_in_eval_mode_with_frozen_parameters()
    {
        using var victim = Victim.LoadPets();

        victim.Network.training.Should().BeFalse();
        victim.Network.named_modules().Where(m => m.module.training).Select(m => m.name).Should().BeEmpty("eval() must reach every nested module (TorchSharp issue #1426)");
        victim.Network.parameters().Should().OnlyContain(p => !p.requires_grad);
    }

    [Test]
    public void Eval_mode_is_in_effect_dropout_off_and_batch_norm_on_running_statistics()
    {
        using var victim = Victim.LoadPets();
        using LabelledImages set = PetPictures.Generate(seed: 31, firstIndex: 3_000_000, count: 8);

        using Tensor first = victim.Logits(set.Images);
        using Tensor second = victim.Logits(set.Images);
        using Tensor alone = victim.Logits(set.Images.narrow(0, 3, 1));

        first.allclose(second, rtol: 0, atol: 0).Should().BeTrue("with dropout off, two passes over the same pictures must agree");
        TensorAssert.Close(alone, TensorAssert.ToDoubles(first[3]), [1, 2], "picture 3's logits alone vs in a batch of 8", rtol: 1e-4, atol: 1e-4);

        // The same checks fail in training mode: they can tell the modes apart.
        victim.Network.train();
        try
        {
            using Tensor trainingFirst = victim.Logits(set.Images);
            using Tensor trainingSecond = victim.Logits(set.Images);
            trainingFirst.allclose(trainingSecond).Should().BeFalse("in training mode dropout makes two passes differ");
        }
        finally
        {
            victim.Network.eval();
        }
    }

    [Test]
    public void A_gradient_with_respect_to_the_input_leaves_the_model_untouched()
    {
        using var victim = Victim.LoadPets();
        using LabelledImages set = PetPictures.Generate(seed: 32, firstIndex: 3_000_000, count: 2);
        using Tensor x = set.Images.clone().requires_grad_();

        using Tensor probabilities = victim.Probabilities(x);
        using Tensor objective = (probabilities[.., 0] - probabilities[.., 1]).sum();
        objective.backward();

        x.grad.Should().NotBeNull();
        x.grad!.abs().sum().item<float>().Should().BeGreaterThan(0f, "p_cat - p_dog depends on the pixels");
        victim.Network.named_parameters().Where(p => p.parameter.grad is { IsInvalid: false }).Select(p => p.name).Should().BeEmpty("frozen parameters collect no gradient");
    }

    [Test]
    public void Missing_or_foreign_weights_files_get_clear_errors()
    {
        string folder = Directory.CreateTempSubdirectory("katas-victim").FullName;
        try
        {
            string missing = Path.Combine(folder, "missing.bin");
            FluentActions.Invoking(() => Victim.LoadPets(missing)).Should().Throw<FileNotFoundException>()
                .WithMessage($"*{missing}*train-victim pets*");

            string text = Path.Combine(folder, "text.bin");
            File.WriteAllText(text, "these are not weights");
            FluentActions.Invoking(() => Victim.LoadPets(text)).Should().Throw<InvalidDataException>().WithMessage($"*{text}*PetsNetwork*");

            string truncated = Path.Combine(folder, "truncated.bin");
            File.WriteAllBytes(truncated, File.ReadAllBytes(Victim.PetsWeightsPath).AsSpan(0, 10_000).ToArray());
            FluentActions.Invoking(() => Victim.LoadPets(truncated)).Should().Throw<InvalidDataException>().WithMessage($"*{truncated}*");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
