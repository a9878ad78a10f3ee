using FluentAssertions;

namespace Katas.Cli.Tests;

/// <summary>The katas tool refuses bad command lines with a clear message and exit code 2, and explains every command.</summary>
[Parallelizable(ParallelScope.Self)]
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
        (int exitCode, string output, string error) = InProcessTool.Run(ShellWords.Split(arguments));
        exitCode.Should().Be(2, $"`katas {arguments}` is not a valid command line (output: {output}{error})");
        error.Should().Contain(message).And.Contain("usage: ./kata");
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
        (int exitCode, string output, _) = InProcessTool.Run(ShellWords.Split(arguments));
        exitCode.Should().Be(0);
        output.Should().Contain(expected);
    }

    [Test]
    public void The_kits_commands_are_discovered_without_a_list_of_katas()
    {
        (_, string output, _) = InProcessTool.Run(["--help"]);
        output.Should().Contain("spread").And.Contain("race").And.Contain("train-dense").And.Contain("attack").And.Contain("train-victim").And.Contain("bench");
    }
}
