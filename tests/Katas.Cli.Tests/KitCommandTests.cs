using FluentAssertions;
using Katas.Conventions;

namespace Katas.Cli.Tests;

/// <summary>
/// The kits' commands end to end, in process: they load TorchSharp, train, attack and print one JSON object or a report,
/// or refuse bad data. TorchSharp's random generator and thread count are global to the test host, so this is the one
/// fixture that runs TorchSharp and runs side by side with others: they start processes (the tool, git) or run no
/// TorchSharp. The other fixtures that run TorchSharp in the test host are not marked, and run alone.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public sealed class KitCommandTests
{
    [TestCase("train-dense --data", "tools", "data not found", "Fashion-MNIST")]
    [TestCase("attack --image", "README.md", "bad data file", "README.md: not a picture")]
    [TestCase("attack --image", "docs/images/pets-generated.jpg", "bad data file", "the pets victim takes 128 x 128")]
    [TestCase("attack --victim fashion --image", "docs/images/pets-generated.jpg", "bad data file", "the fashion victim takes 28 x 28")]
    public void A_missing_or_malformed_data_file_is_a_data_error_with_exit_code_3_and_no_usage_line(string command, string path, string kind, string message)
    {
        string arguments = $"{command} \"{Path.Combine(Testing.KataEnvironment.RepoRoot, path)}\"";
        (int exitCode, string output, string error) = Run(arguments);
        exitCode.Should().Be(3, $"`katas {arguments}` has a good command line and bad data (output: {output}{error})");
        error.Should().Contain(kind).And.Contain(message).And.NotContain("usage: ./kata", "the command line was right");
    }

    [Test]
    public void Options_take_their_value_after_a_space_or_an_equals_sign()
    {
        (int spaced, string spacedOutput, string spacedError) = Run("spread -n 4 --dim 3 --iterations 20 --json");
        (int equals, string equalsOutput, _) = Run("spread -n=4 --dim=3 --iterations=20 --json");
        spaced.Should().Be(0, spacedError);
        equals.Should().Be(0);
        WithoutTiming(equalsOutput).Should().Be(WithoutTiming(spacedOutput));
        spacedOutput.Should().Contain("\"n\":4").And.Contain("\"iterations\":20");
    }

    [Test]
    public void Spread_prints_the_angle_with_full_precision_in_json()
    {
        (int exitCode, string output, string error) = Run("spread -n 4 --dim 3 --json");
        exitCode.Should().Be(0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        double reached = json.RootElement.GetProperty("min_angle_deg").GetDouble();
        double tetrahedron = Math.Acos(-1.0 / 3) * 180 / Math.PI;
        reached.Should().BeApproximately(tetrahedron, 1e-5);
        json.RootElement.GetProperty("best_known_deg").GetDouble().Should().BeApproximately(tetrahedron, 1e-7, "the best-known table's 109.4712206, not rounded to 4 decimals");
        json.RootElement.GetProperty("min_angle_deg").GetRawText().Should().MatchRegex(@"^109\.\d{8,}$", "the angle is printed with every digit, not rounded");
    }

    [Test]
    public void Train_dense_prints_one_json_object_with_the_accuracy_and_the_files_it_read()
    {
        (int exitCode, string output, string error) = Run("train-dense --builtin --epochs 1 --batch 500 --json");
        exitCode.Should().Be(0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        System.Text.Json.JsonElement root = json.RootElement;
        root.GetProperty("test_accuracy").GetDouble().Should().BeInRange(0, 1);
        root.GetProperty("epochs").GetInt32().Should().Be(1);
        root.GetProperty("seconds").GetDouble().Should().BePositive();
        root.GetProperty("data").GetProperty("train_images").GetString().Should().EndWith("train-images-idx3-ubyte.gz");
        root.GetProperty("data").GetProperty("train_count").GetInt32().Should().Be(6000, "without --data the shipped subset is used");
        root.GetProperty("networks")[0].GetProperty("history").GetArrayLength().Should().Be(1);
    }

    [Test]
    public void Attack_prints_one_json_object_and_writes_a_png_that_reads_back_as_the_same_verdict()
    {
        string png = Path.Combine(Path.GetTempPath(), $"katas-attack-{Environment.ProcessId}.png");
        try
        {
            (int exitCode, string output, string error) = Run($"attack --seed 0 --steps 4 --json --out \"{png}\"");
            exitCode.Should().Be(0, error);
            using var json = System.Text.Json.JsonDocument.Parse(output);
            System.Text.Json.JsonElement root = json.RootElement;
            root.GetProperty("original_class").GetString().Should().Be("cat", "held-out picture 0 is a cat the victim sees as one");
            root.GetProperty("steps").GetInt32().Should().Be(4);
            root.GetProperty("linf_255").GetDouble().Should().BeLessThanOrEqualTo(4, "4 steps of 1/255 change no value by more than 4 counts");
            root.GetProperty("table").GetArrayLength().Should().Be(5);
            File.Exists(png).Should().BeTrue();

            (int again, string reread, string rereadError) = Run($"attack --image \"{png}\" --steps 0 --json --out \"{png}.again.png\"");
            again.Should().Be(0, rereadError);
            using var second = System.Text.Json.JsonDocument.Parse(reread);
            second.RootElement.GetProperty("original_class").GetString().Should().Be(root.GetProperty("final_class").GetString(),
                "the PNG holds the adversarial picture rounded to 8 bits, which the attack of 1/255 steps already is");
            second.RootElement.GetProperty("original_confidence").GetDouble().Should().BeApproximately(root.GetProperty("final_confidence").GetDouble(), 1e-4);
        }
        finally
        {
            File.Delete(png);
            File.Delete(png + ".again.png");
        }
    }

    [Test]
    public void Attack_on_the_fashion_victim_prints_one_json_object_with_its_class_names()
    {
        string png = Path.Combine(Path.GetTempPath(), $"katas-attack-fashion-{Environment.ProcessId}.png");
        try
        {
            (int exitCode, string output, string error) = Run($"attack --victim fashion --seed 0 --target sneaker --json --out \"{png}\"");
            exitCode.Should().Be(0, error);
            using var json = System.Text.Json.JsonDocument.Parse(output);
            System.Text.Json.JsonElement root = json.RootElement;
            root.GetProperty("victim").GetString().Should().Be("fashion");
            root.GetProperty("target_class").GetString().Should().Be("sneaker");
            root.GetProperty("linf_255").GetDouble().Should().BeLessThanOrEqualTo(4);
            root.GetProperty("table").GetArrayLength().Should().Be(5);
            File.Exists(png).Should().BeTrue();
        }
        finally
        {
            File.Delete(png);
        }
    }

    [Test]
    public void Train_victim_pets_trains_on_a_folder_of_photographs_and_names_every_file_it_skips()
    {
        string folder = Directory.CreateTempSubdirectory("katas-photos").FullName;
        string weights = Path.Combine(Path.GetTempPath(), $"katas-photos-{Environment.ProcessId}.bin");
        try
        {
            // Twelve generated pictures saved as Kaggle names its photographs (cats at even indices), one damaged file, one stray file.
            for (int index = 0; index < 12; index++)
            {
                using SkiaSharp.SKBitmap bitmap = Katas.Victims.PetPictures.Draw(seed: 9, index);
                using SkiaSharp.SKData jpeg = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90);
                File.WriteAllBytes(Path.Combine(folder, $"{(index % 2 == 0 ? "cat" : "dog")}.{index}.jpg"), jpeg.ToArray());
            }

            File.WriteAllBytes(Path.Combine(folder, "dog.99.jpg"), [0xFF, 0xD8, 0xFF, 0x00, 0x13]);
            File.WriteAllText(Path.Combine(folder, "labels.csv"), "not a photograph");

            (int exitCode, string output, string error) = Run($"train-victim pets --data \"{folder}\" --epochs 1 --threads 1 --json --out \"{weights}\"");

            exitCode.Should().Be(0, error);
            using var json = System.Text.Json.JsonDocument.Parse(output);
            json.RootElement.GetProperty("pictures").GetInt32().Should().Be(11, "one photograph in ten (position 9 of 12) is held out");
            json.RootElement.GetProperty("held_out_accuracy").GetDouble().Should().BeInRange(0, 1);
            json.RootElement.GetProperty("skipped_files").EnumerateArray().Select(file => file.GetProperty("name").GetString())
                .Should().BeEquivalentTo("dog.99.jpg", "labels.csv");
            using Katas.Victims.Victim victim = Katas.Victims.Victim.LoadPets(weights);
            victim.Network.training.Should().BeFalse("a loaded victim is in eval mode");

            (exitCode, output, _) = Run($"train-victim pets --data \"{folder}\" --epochs 1 --threads 1 --out \"{weights}\"");
            exitCode.Should().Be(0);
            output.Should().Contain("12 pictures read").And.Contain("2 files skipped").And.Contain("dog.99.jpg").And.Contain("labels.csv");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            File.Delete(weights);
        }
    }

    [Test]
    public void Train_victim_pets_refuses_a_folder_without_both_classes()
    {
        using var scratch = new TemporaryFolder("katas-photos");
        string folder = scratch.FullName;
        File.WriteAllText(Path.Combine(folder, "cat.1.jpg"), "not a photograph");
        using (SkiaSharp.SKBitmap bitmap = Katas.Victims.PetPictures.Draw(seed: 9, 0))
        using (SkiaSharp.SKData png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100))
        {
            File.WriteAllBytes(Path.Combine(folder, "cat.2.png"), png.ToArray());
        }

        (int exitCode, _, string error) = Run($"train-victim pets --data \"{folder}\" --epochs 1 --threads 1");

        exitCode.Should().Be(3, "the folder is there; what is in it is not enough");
        error.Should().Contain(folder).And.Contain("both classes").And.Contain("1 cat and 0 dog photographs readable, 1 files skipped");
    }

    [Test]
    public void Train_victim_runs_a_smoke_training_and_writes_weights_that_load()
    {
        string weights = Path.Combine(Path.GetTempPath(), $"katas-pets-{Environment.ProcessId}.bin");
        try
        {
            (int exitCode, string output, string error) = Run($"train-victim pets --pictures 16 --held-out 8 --epochs 1 --threads 1 --json --out \"{weights}\"");
            exitCode.Should().Be(0, error);
            using var json = System.Text.Json.JsonDocument.Parse(output);
            json.RootElement.GetProperty("held_out_accuracy").GetDouble().Should().BeInRange(0, 1);
            json.RootElement.GetProperty("history").GetArrayLength().Should().Be(1);
            using Katas.Victims.Victim victim = Katas.Victims.Victim.LoadPets(weights);
            victim.Network.training.Should().BeFalse("a loaded victim is in eval mode");
        }
        finally
        {
            File.Delete(weights);
        }
    }

    private static string WithoutTiming(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"seconds\":[0-9.]+", "");

    /// <summary>Runs the tool's command line in process with <paramref name="arguments"/> split as a shell would.</summary>
    private static (int ExitCode, string Output, string Error) Run(string arguments) => InProcessTool.Run(ShellWords.Split(arguments));
}
