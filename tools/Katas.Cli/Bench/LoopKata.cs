using Katas.Cli.Mutants;
using Katas.Kits;

namespace Katas.Cli.Bench;

/// <summary>
/// One kata of the learner-loop benchmark: a scratch copy of its reference solution in which the learner works on one
/// task's file, and the versions of that file the benchmark saves: right, not compiling, wrong (a committed mutant of it),
/// and crashing the test process (a matrix product libtorch aborts on).
/// </summary>
internal sealed class LoopKata
{
    private LoopKata(string kata, int task, string file, string folder, string mutant, string wrong)
    {
        Wrong = wrong;
        Kata = kata;
        Task = task;
        File = file;
        Folder = folder;
        Mutant = mutant;
        Right = System.IO.File.ReadAllText(Path.Combine(KataRepository.Root, "solutions", kata, file));
    }

    public string Kata { get; }

    public int Task { get; }

    /// <summary>The file the learner saves, relative to the kata folder.</summary>
    public string File { get; }

    /// <summary>The kata's scratch folder.</summary>
    public string Folder { get; }

    /// <summary>The committed mutant that gives the wrong version.</summary>
    public string Mutant { get; }

    /// <summary>The reference solution of the file.</summary>
    public string Right { get; }

    /// <summary>The file with its last closing brace gone: a compile error (CS1513).</summary>
    public string NotCompiling => Right[..Right.LastIndexOf('}')];

    /// <summary>The file as the mutant has it.</summary>
    public string Wrong { get; }

    /// <summary>The file with a matrix product of a [150] by a [3, 3] tensor first in its first method: libtorch ends the process.</summary>
    public string Crashing
    {
        get
        {
            List<string> lines = [.. Right.Split('\n')];
            int method = lines.FindIndex(line => line.Contains("public static", StringComparison.Ordinal) && line.Contains('(', StringComparison.Ordinal));
            int body = lines.FindIndex(method, line => line.Trim() == "{");
            lines.Insert(body + 1, "        TorchSharp.torch.ones(150).matmul(TorchSharp.torch.ones(3, 3)).Dispose();");
            return string.Join('\n', lines);
        }
    }

    /// <summary>Copies the reference solution of <paramref name="kata"/> into <paramref name="root"/>/<paramref name="kata"/> and prepares the wrong file.</summary>
    public static LoopKata Prepare(string root, string kata, int task, string file)
    {
        string folder = Path.Combine(root, "katas", kata);
        KataCopy.Copy(Path.Combine(KataRepository.Root, "solutions", kata), folder);
        string mutantsFolder = Path.Combine(KataRepository.Root, "tests", kata, "Mutants");
        Mutants.Mutant mutant = Directory.GetFiles(mutantsFolder, "*.mutant").Order(StringComparer.Ordinal).Select(Mutants.Mutant.Load)
                            .FirstOrDefault(candidate => candidate.Edits.All(edit => edit.File == file))
                        ?? throw new InvalidOperationException($"{kata} has no mutant of {file} alone to save as the wrong version.");
        // Outside the folder watch watches: only the learner's saves may start a run.
        string wrong = Path.Combine(root, "mutated", kata);
        mutant.Apply(Path.Combine(KataRepository.Root, "solutions", kata), wrong);
        return new LoopKata(kata, task, file, folder, mutant.Name, System.IO.File.ReadAllText(Path.Combine(wrong, file)));
    }

    /// <summary>Saves <paramref name="text"/> as the learner's file.</summary>
    public void Save(string text) => System.IO.File.WriteAllText(Path.Combine(Folder, File), text);
}
