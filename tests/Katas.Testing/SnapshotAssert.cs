using Katas.Plotting;
using NUnit.Framework;

namespace Katas.Testing;

/// <summary>
/// Compares a figure's data with the committed snapshot Snapshots/&lt;name&gt;.verified.txt in the test project.
/// A missing or different snapshot fails the test and writes &lt;name&gt;.received.txt beside it;
/// `dotnet run --project tools/Katas.Cli -- accept` turns received files into verified ones.
/// </summary>
public static class SnapshotAssert
{
    /// <summary>Fails unless <paramref name="figure"/>'s data matches the verified snapshot <paramref name="name"/>.</summary>
    public static void Matches(Figure figure, string name, string whatItShows)
    {
        string folder = Path.Combine(KataEnvironment.TestProjectDirectory, "Snapshots");
        string verified = Path.Combine(folder, name + ".verified.txt");
        string received = Path.Combine(folder, name + ".received.txt");
        string actual = FigureSnapshot.ToText(figure);

        if (!File.Exists(verified))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(received, actual);
            Assert.Fail($"There is no verified snapshot for {whatItShows}. Wrote {received}. If it shows what it should, accept it with " +
                        "`dotnet run --project tools/Katas.Cli -- accept` and commit the .verified.txt file.");
        }

        string? difference = FigureSnapshot.FirstDifference(File.ReadAllText(verified), actual);
        if (difference is null)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"The plot data for {whatItShows} differs from the reference at {difference}\n" +
                    $"Reference: {verified}\nYours:     {received}\n" +
                    "The figure itself is in the artifacts folder; compare it with the reference one.");
    }
}
