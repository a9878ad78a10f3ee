using System.Text.Json;
using Katas.Kits;
using Katas.Kits.PyTorch;
using Katas.Victims;
using static TorchSharp.torch;

namespace Katas.Adversarial.Kit;

/// <summary>
/// The PyTorch side of `katas bench adversarial --pytorch`: pytorch/attacks.py, given both victims' weights and buffers
/// (under their TorchSharp names) and the same pictures through .npy files, and asked to time one attack at a time.
/// </summary>
public sealed class AttackPyTorch : PyTorchSide
{
    private AttackPyTorch(PyTorchSession session)
        : base(session)
    {
    }

    /// <summary>Writes the victims and pictures and starts the script; null (having said how to install PyTorch) when there is none.</summary>
    public static AttackPyTorch? Start(IReadOnlyDictionary<string, (Victim Victim, LabelledImages Pictures)> victims, int threads, BenchRun run)
    {
        ArgumentNullException.ThrowIfNull(victims);
        PyTorchSession? session = PyTorchSession.Start(AdversarialRuns.Kata, "attacks.py", folder =>
        {
            foreach ((string name, (Victim victim, LabelledImages pictures)) in victims)
            {
                foreach ((string key, Tensor value) in victim.Network.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(victim.Network.named_buffers()))
                {
                    NpyFile.Write(Path.Combine(folder, $"{name}.{key}.npy"), value);
                }

                NpyFile.Write(Path.Combine(folder, $"{name}.pictures.npy"), pictures.Images);
                NpyFile.Write(Path.Combine(folder, $"{name}.labels.npy"), pictures.Labels);
            }
        }, [], threads, run);
        return session is null ? null : new AttackPyTorch(session);
    }

    /// <summary>Times <paramref name="method"/> on <paramref name="victim"/>'s pictures in PyTorch, <paramref name="passes"/> times over.</summary>
    public AttackTiming Run(string victim, AttackMethod method, long target, int passes = 1)
    {
        object command = method switch
        {
            AttackMethod.Sign => new { command = "attack", victim, method = "sign", batch = FragilityStudy.Batch, passes, steps = AttackThroughput.SignSteps, target },
            AttackMethod.Fgsm => new { command = "attack", victim, method = "fgsm", batch = FragilityStudy.Batch, passes, epsilon = AttackThroughput.Epsilon255 / 255 },
            _ => (object)new { command = "attack", victim, method = "pgd", batch = FragilityStudy.Batch, passes, epsilon = AttackThroughput.Epsilon255 / 255, steps = AttackThroughput.PgdSteps },
        };
        JsonElement reply = Session.Ask(command);
        return new AttackTiming(reply.GetProperty("seconds").GetDouble(), reply.GetProperty("cpu_seconds").GetDouble(), reply.GetProperty("check").GetInt32());
    }
}
