using FluentAssertions;

namespace Katas.Cli.Tests;

/// <summary>The katas tool refuses bad command lines with a clear message and exit code 2, and explains every command.</summary>
public sealed class CommandLineTests
{
    [TestCase("no-such-command", "Unknown command 'no-such-command'")]
    [TestCase("check 99", "There is no kata \"99\"")]
    [TestCase("check 01 --task x", "x")]
    [TestCase("check --task 2", "--task needs a kata")]
    [TestCase("check 01 --task 9", "01-linreg has no task 9; its tasks are 1, 2, 3, 4, 5")]
    [TestCase("demo --fast", "Unknown option 'fast'")]
    [TestCase("reproduce extra", "Unknown command 'extra'")]
    [TestCase("verify everything", "Unknown command 'everything'")]
    [TestCase("check 01 --task", "--task at the end of the command line has no value: give one after it")]
    [TestCase("bench dense --threads", "--threads at the end of the command line has no value")]
    [TestCase("spread --dim 3 -n", "-n at the end of the command line has no value")]
    [TestCase("spread --dim 3", "spread needs -n")]
    [TestCase("spread -n 1 --dim 3", "-n must be a whole number from 2 to 2000; got 1")]
    [TestCase("spread -n 5 --dim 3 --loss fancy", "--loss must be one of min-angle, variance, force, tammes; got \"fancy\"")]
    [TestCase("race --surface moon", "--surface must be one of rosenbrock, beale, saddle, bowl; got \"moon\"")]
    [TestCase("race --optimizers sgd,lbfgs", "\"lbfgs\" is not one")]
    [TestCase("verify mutants --mutant x", "--mutant needs a kata")]
    [TestCase("verify mutants 01 --mutant no-such-mutant", "01-linreg has no mutant \"no-such-mutant\"")]
    [TestCase("bench nothing", "Unknown command 'nothing'")]
    [TestCase("train-dense --from-scratch --builtin", "--from-scratch and --builtin each pick one network")]
    [TestCase("train-dense --epochs 0", "--epochs must be a whole number from 1 to 1000; got 0")]
    [TestCase("train-dense --batch 0", "--batch must be a whole number from 1 to 60000; got 0")]
    [TestCase("train-dense --epochs many", "many")]
    [TestCase("train-dense --start random", "--start must be book or centred; got \"random\"")]
    [TestCase("train-dense --lr -1", "--lr must be above 0 and at most 10; got -1")]
    [TestCase("train-dense --data /no/such/folder", "--data: there is no folder \"/no/such/folder\"")]
    [TestCase("bench tammes --to 3", "--to must be a whole number from --from (4) to 200; got 3")]
    [TestCase("bench tammes --from 201", "--from must be a whole number from 4 to 200; got 201")]
    [TestCase("bench spread --from 31 --to 30", "--to must be a whole number from --from (31) to 200; got 30")]
    [TestCase("bench dense --batch 0", "--batch must be a whole number from 1 to 60000; got 0")]
    [TestCase("bench stall --seeds 0", "--seeds must be a whole number from 1 to 200; got 0")]
    [TestCase("bench dense --threads 65", "--threads must be a whole number from 1 to 64; got 65")]
    [TestCase("bench loop --cold 21", "--cold must be a whole number from 0 to 20; got 21")]
    [TestCase("verify mutants 01 --parallel 0", "--parallel must be a whole number from 1 to 64; got 0")]
    [TestCase("spread -n 4 --dim 3 --iterations 0", "--iterations must be a whole number from 1 to 1000000; got 0")]
    [TestCase("attack --image /no/such/picture.png", "--image: there is no file \"/no/such/picture.png\"")]
    [TestCase("attack --target horse", "--target must be a class of the pets victim (cat, dog, or its index); got \"horse\"")]
    [TestCase("attack --victim fashion --target horse", "--target must be a class of the fashion victim (T-shirt/top, Trouser")]
    [TestCase("attack --victim cars", "--victim must be pets or fashion; got \"cars\"")]
    [TestCase("attack --method deepfool", "--method must be one of sign, fgsm, pgd; got \"deepfool\"")]
    [TestCase("attack --method PGD", "--method must be one of sign, fgsm, pgd; got \"PGD\"")]
    [TestCase("attack --step 0", "--step is in counts of 0-255 and must be above 0")]
    [TestCase("train-victim horses", "VICTIM must be pets or fashion; got \"horses\"")]
    [TestCase("train-victim pets --data /no/such/photos", "--data: there is no folder \"/no/such/photos\"")]
    [TestCase("train-victim pets --epochs 0", "--epochs must be a whole number from 1 to 100; got 0")]
    [TestCase("train-victim pets --pictures 8", "--pictures must be a whole number from 16 to 999999; got 8")]
    [TestCase("train-victim pets --held-out 0", "--held-out must be a whole number from 1 to 100000; got 0")]
    [TestCase("train-victim fashion --held-out 10", "--held-out is for pets trained on generated pictures")]
    [TestCase("bench dimensions --sides 7,2", "--sides must be whole numbers from 4 to 112, comma-separated; got \"7,2\"")]
    [TestCase("bench adversarial --weights /no/such/pets.bin", "--weights: there is no file \"/no/such/pets.bin\"")]
    [TestCase("bench adversarial --pictures 1", "--pictures must be a whole number from 2 to 2000; got 1")]
    [TestCase("bench adversarial --epsilons 8,x", "--epsilons must be numbers of counts above 0 and at most 255")]
    [TestCase("doctor extra", "Unknown command 'extra'")]
    [TestCase("hint", "missing required argument 'KATA'")]
    [TestCase("hint 99 1", "There is no kata \"99\"")]
    [TestCase("hint 01 9", "01-linreg has no task 9; its tasks are 1, 2, 3, 4, 5")]
    [TestCase("hint 01 x", "TASK must be a task number, e.g. hint 01 2; got \"x\"")]
    [TestCase("hint 01 1 --again --forget", "--again and --forget don't go together")]
    [TestCase("reset", "missing required argument 'KATA'")]
    [TestCase("reset 99", "There is no kata \"99\"")]
    [TestCase("reset 01 --ref no-such-ref --yes", "--ref no-such-ref is not a commit or branch")]
    [TestCase("watch 99", "There is no kata \"99\"")]
    [TestCase("grade --format xml", "--format must be one of markdown, json, junit; got \"xml\"")]
    [TestCase("grade --katas 99", "There is no kata \"99\"")]
    [TestCase("grade --katas ,", "--katas needs at least one kata")]
    [TestCase("grade --commit no-such-ref", "no-such-ref is not a commit of")]
    public void A_bad_command_line_gets_a_usage_error_and_exit_code_2(string arguments, string message)
    {
        (int exitCode, string output, string error) = InProcessTool.Run(Split(arguments));
        exitCode.Should().Be(2, $"`katas {arguments}` is not a valid command line (output: {output}{error})");
        error.Should().Contain(message).And.Contain("usage: ./kata");
    }

    [TestCase("no-such-command", 2, "usage: ./kata")]
    [TestCase("check 01 --task 9", 2, "usage: ./kata")]
    [TestCase("--help", 0, "COMMANDS:")]
    public void The_process_exits_with_the_code_the_command_line_earned(string arguments, int expectedExitCode, string expectedText)
    {
        // The usage errors and help above run in process; this checks that the process itself ends with the same codes and prints the same.
        (int exitCode, string output, string error) = RunTool(arguments);
        exitCode.Should().Be(expectedExitCode, $"`katas {arguments}` (output: {output}{error})");
        (output + error).Should().Contain(expectedText);
    }

    [TestCase("train-dense --data tools", "data not found", "Fashion-MNIST")]
    [TestCase("attack --image README.md", "bad data file", "README.md: not a picture")]
    [TestCase("attack --image docs/images/pets-generated.jpg", "bad data file", "the pets victim takes 128 x 128")]
    [TestCase("attack --victim fashion --image docs/images/pets-generated.jpg", "bad data file", "the fashion victim takes 28 x 28")]
    public void A_missing_or_malformed_data_file_is_a_data_error_with_exit_code_3_and_no_usage_line(string arguments, string kind, string message)
    {
        (int exitCode, string output, string error) = RunTool(arguments);
        exitCode.Should().Be(3, $"`katas {arguments}` has a good command line and bad data (output: {output}{error})");
        error.Should().Contain(kind).And.Contain(message).And.NotContain("usage: ./kata", "the command line was right");
    }

    [TestCase("--help", "COMMANDS:")]
    [TestCase("check --help", "--task <N>")]
    [TestCase("spread --help", "--dim <D>")]
    [TestCase("race --help", "--surface <NAME>")]
    [TestCase("verify mutants --help", "--mutant <NAME>")]
    [TestCase("bench --help", "tammes")]
    [TestCase("bench tammes --help", "--markdown")]
    [TestCase("bench optimizers --help", "--no-docs")]
    [TestCase("bench dense --help", "--no-docs")]
    [TestCase("bench --help", "stall")]
    [TestCase("bench stall --help", "--seeds <K>")]
    [TestCase("train-dense --help", "--from-scratch")]
    [TestCase("attack --help", "--epsilon <E>")]
    [TestCase("train-victim --help", "--pictures <N>")]
    [TestCase("doctor --help", "doctor")]
    [TestCase("hint --help", "--state <FILE>")]
    [TestCase("reset --help", "--force")]
    [TestCase("watch --help", "[KATA]")]
    [TestCase("grade --help", "--format <FORMAT>")]
    [TestCase("grade-class --help", "--shard <K/N>")]
    public void Every_command_explains_itself_with_help(string arguments, string expected)
    {
        (int exitCode, string output, _) = InProcessTool.Run(Split(arguments));
        exitCode.Should().Be(0);
        output.Should().Contain(expected);
    }

    [Test]
    public void Options_take_their_value_after_a_space_or_an_equals_sign()
    {
        (int spaced, string spacedOutput, string spacedError) = RunTool("spread -n 4 --dim 3 --iterations 20 --json");
        (int equals, string equalsOutput, _) = RunTool("spread -n=4 --dim=3 --iterations=20 --json");
        spaced.Should().Be(0, spacedError);
        equals.Should().Be(0);
        WithoutTiming(equalsOutput).Should().Be(WithoutTiming(spacedOutput));
        spacedOutput.Should().Contain("\"n\":4").And.Contain("\"iterations\":20");
    }

    [Test]
    public void Spread_prints_the_angle_with_full_precision_in_json()
    {
        (int exitCode, string output, string error) = RunTool("spread -n 4 --dim 3 --json");
        exitCode.Should().Be(0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        double reached = json.RootElement.GetProperty("min_angle_deg").GetDouble();
        double tetrahedron = Math.Acos(-1.0 / 3) * 180 / Math.PI;
        reached.Should().BeApproximately(tetrahedron, 1e-5);
        json.RootElement.GetProperty("best_known_deg").GetDouble().Should().BeApproximately(tetrahedron, 1e-7, "the best-known table's 109.4712206, not rounded to 4 decimals");
        json.RootElement.GetProperty("min_angle_deg").GetRawText().Should().MatchRegex(@"^109\.\d{8,}$", "the angle is printed with every digit, not rounded");
    }

    [Test]
    public void A_bench_prints_one_json_document_with_its_conditions_memory_and_figures()
    {
        (int exitCode, string output, string error) = RunTool("bench tammes --from 4 --to 5 --json --no-docs");
        exitCode.Should().Be(0, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        System.Text.Json.JsonElement root = json.RootElement;
        root.GetProperty("bench").GetString().Should().Be("tammes");
        root.GetProperty("conditions").GetProperty("threads").GetInt32().Should().Be(1);
        root.GetProperty("conditions").GetProperty("configuration").GetString().Should().NotBeNullOrEmpty();
        root.GetProperty("memory").GetProperty("peak_resident_bytes").GetInt64().Should().BePositive();
        root.GetProperty("memory").GetProperty("leaked_tensors").GetInt64().Should().Be(0);
        root.GetProperty("tables")[0].GetProperty("rows").GetArrayLength().Should().Be(2);
        System.Text.Json.JsonElement first = root.GetProperty("figures")[0];
        first.GetProperty("n").GetInt32().Should().Be(4);
        first.GetProperty("reached_degrees").GetDouble().Should().BeApproximately(Math.Acos(-1.0 / 3) * 180 / Math.PI, 1e-5);
        error.Should().Contain("N = 4:", "progress goes to stderr, so stdout stays one JSON document");
    }

    [Test]
    public void Train_dense_prints_one_json_object_with_the_accuracy_and_the_files_it_read()
    {
        (int exitCode, string output, string error) = RunTool("train-dense --builtin --epochs 1 --batch 500 --json");
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
            (int exitCode, string output, string error) = RunTool($"attack --seed 0 --steps 4 --json --out \"{png}\"");
            exitCode.Should().Be(0, error);
            using var json = System.Text.Json.JsonDocument.Parse(output);
            System.Text.Json.JsonElement root = json.RootElement;
            root.GetProperty("original_class").GetString().Should().Be("cat", "held-out picture 0 is a cat the victim sees as one");
            root.GetProperty("steps").GetInt32().Should().Be(4);
            root.GetProperty("linf_255").GetDouble().Should().BeLessThanOrEqualTo(4, "4 steps of 1/255 change no value by more than 4 counts");
            root.GetProperty("table").GetArrayLength().Should().Be(5);
            File.Exists(png).Should().BeTrue();

            (int again, string reread, string rereadError) = RunTool($"attack --image \"{png}\" --steps 0 --json --out \"{png}.again.png\"");
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
            (int exitCode, string output, string error) = RunTool($"attack --victim fashion --seed 0 --target sneaker --json --out \"{png}\"");
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

            (int exitCode, string output, string error) = RunTool($"train-victim pets --data \"{folder}\" --epochs 1 --threads 1 --json --out \"{weights}\"");

            exitCode.Should().Be(0, error);
            using var json = System.Text.Json.JsonDocument.Parse(output);
            json.RootElement.GetProperty("pictures").GetInt32().Should().Be(11, "one photograph in ten (position 9 of 12) is held out");
            json.RootElement.GetProperty("held_out_accuracy").GetDouble().Should().BeInRange(0, 1);
            json.RootElement.GetProperty("skipped_files").EnumerateArray().Select(file => file.GetProperty("name").GetString())
                .Should().BeEquivalentTo("dog.99.jpg", "labels.csv");
            using Katas.Victims.Victim victim = Katas.Victims.Victim.LoadPets(weights);
            victim.Network.training.Should().BeFalse("a loaded victim is in eval mode");

            (exitCode, output, _) = RunTool($"train-victim pets --data \"{folder}\" --epochs 1 --threads 1 --out \"{weights}\"");
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
        string folder = Directory.CreateTempSubdirectory("katas-photos").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "cat.1.jpg"), "not a photograph");
            using (SkiaSharp.SKBitmap bitmap = Katas.Victims.PetPictures.Draw(seed: 9, 0))
            using (SkiaSharp.SKData png = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100))
            {
                File.WriteAllBytes(Path.Combine(folder, "cat.2.png"), png.ToArray());
            }

            (int exitCode, _, string error) = RunTool($"train-victim pets --data \"{folder}\" --epochs 1 --threads 1");

            exitCode.Should().Be(3, "the folder is there; what is in it is not enough");
            error.Should().Contain(folder).And.Contain("both classes").And.Contain("1 cat and 0 dog photographs readable, 1 files skipped");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void Train_victim_runs_a_smoke_training_and_writes_weights_that_load()
    {
        string weights = Path.Combine(Path.GetTempPath(), $"katas-pets-{Environment.ProcessId}.bin");
        try
        {
            (int exitCode, string output, string error) = RunTool($"train-victim pets --pictures 32 --held-out 16 --epochs 1 --threads 1 --json --out \"{weights}\"");
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

    [Test]
    public void The_kits_commands_are_discovered_without_a_list_of_katas()
    {
        (_, string output, _) = InProcessTool.Run(["--help"]);
        output.Should().Contain("spread").And.Contain("race").And.Contain("train-dense").And.Contain("attack").And.Contain("train-victim").And.Contain("bench");
    }

    private static string WithoutTiming(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"seconds\":[0-9.]+", "");

    /// <summary>Runs the tool in its own process with <paramref name="arguments"/> split as a shell would.</summary>
    private static (int ExitCode, string Output, string Error) RunTool(string arguments) => ToolProcess.Run(Split(arguments));

    /// <summary><paramref name="arguments"/> split as a shell would: at spaces, except inside double quotes.</summary>
    private static IEnumerable<string> Split(string arguments) =>
        System.Text.RegularExpressions.Regex.Matches(arguments, "\"([^\"]*)\"|(\\S+)")
            .Select(match => match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value);
}
