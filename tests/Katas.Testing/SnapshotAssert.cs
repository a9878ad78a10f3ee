using Katas.Figures;
using NUnit.Framework;

namespace Katas.Testing;

/// <summary>
/// Compares a figure's data with the committed snapshot Snapshots/&lt;name&gt;.verified.txt in the test project.
/// A missing or different snapshot fails the test and writes &lt;name&gt;.received.txt, stamped with the
/// implementation that produced it: beside the verified one for the reference solutions (so a maintainer can
/// accept it with `./kata accept`), under artifacts/&lt;kata&gt;/&lt;yours|other&gt;/snapshots/ for anything
/// else, so a learner's or a mutant's output never lands next to the oracle.
/// </summary>
public static class SnapshotAssert
{
    /// <summary>
    /// Fails unless <paramref name="figure"/>'s data matches the verified snapshot <paramref name="name"/>, numbers within
    /// <paramref name="tolerance"/> (rounding noise when null; a figure of trained quantities states the drift it measured).
    /// </summary>
    public static void Matches(Figure figure, string name, string whatItShows, SnapshotTolerance? tolerance = null)
    {
        string folder = KataEnvironment.SnapshotFolder;
        string verified = Path.Combine(folder, name + SnapshotFiles.VerifiedExtension);
        string received = KataEnvironment.IsReferenceSolution
            ? Path.Combine(folder, name + SnapshotFiles.ReceivedExtension)
            : Path.Combine(KataEnvironment.ArtifactFolder(KataEnvironment.Kata), "snapshots", name + SnapshotFiles.ReceivedExtension);
        string actual = FigureSnapshot.ToText(figure);

        if (!File.Exists(verified))
        {
            SnapshotFiles.WriteReceived(received, KataEnvironment.KataSource, actual);
            Assert.Fail($"There is no verified snapshot for {whatItShows}. Wrote {received}." + (KataEnvironment.IsReferenceSolution
                ? " If it shows what it should, accept it with `./kata accept` and commit the .verified.txt file."
                : " Snapshots are made from the reference solutions only: run `dotnet test` on them."));
        }

        string? difference = FigureSnapshot.FirstDifference(File.ReadAllText(verified), actual, tolerance);
        if (difference is null)
        {
            // A stale .received.txt from an earlier failing run goes; its folder (artifacts/<kata>/<who>/snapshots)
            // may not exist yet, and File.Delete throws for a missing folder.
            if (File.Exists(received))
            {
                File.Delete(received);
            }

            return;
        }

        SnapshotFiles.WriteReceived(received, KataEnvironment.KataSource, actual);
        string within = tolerance is { } stated ? $" (numbers compared within {stated})" : "";
        Assert.Fail($"The plot data for {whatItShows} differs from the reference{within}: {difference}\n" +
                    $"Reference: {verified}\nYours:     {received}\n" +
                    "The figure itself is in the artifacts folder; compare it with the reference one.");
    }
}
