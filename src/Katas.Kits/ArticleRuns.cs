using System.Globalization;

namespace Katas.Kits;

/// <summary>
/// What the article printed for one run, as it printed it: slope and intercept with two decimals, the MSE with
/// one (its notebook's <c>f'{slope:.2f}'</c>, <c>f'{intercept:.2f}'</c>, <c>f'{loss:.1f}'</c>).
/// </summary>
public sealed record PrintedResult(string Slope, string Intercept, string Loss);

/// <summary>
/// One of the article's runs, recomputed, in the article's convention: the parameters AFTER the last update
/// (<see cref="Trajectory.Final"/>) and the loss computed BEFORE it (<see cref="Trajectory.Last"/>'s loss), which is
/// what its <c>run_gradient_descent</c> returns (<c>tf_slope.numpy(), tf_icept.numpy(), loss_hist[-1]</c>).
/// </summary>
/// <param name="Name">The row's name, e.g. "manual 1" or "Adam".</param>
/// <param name="Settings">The learning rates or optimizer, in words.</param>
/// <param name="Start">Where the run started.</param>
/// <param name="Run">The recomputed run.</param>
/// <param name="Printed">What the article printed for it.</param>
public sealed record ArticleRun(string Name, string Settings, Line Start, Trajectory Run, PrintedResult Printed)
{
    /// <summary>The recomputed numbers rounded as the article rounded them.</summary>
    public PrintedResult Rounded => new(Fixed(Run.Final.Slope, 2), Fixed(Run.Final.Intercept, 2), Fixed(Run.Last.Loss, 1));

    /// <summary>Whether every printed digit is reproduced.</summary>
    public bool Matches => Rounded == Printed;

    private static string Fixed(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}

/// <summary>Turns article runs into a `reproduce` table, every row in the article's stated convention.</summary>
public static class ArticleRuns
{
    /// <summary>The convention of every row, in words.</summary>
    public const string Convention =
        "Convention (the article's): slope and intercept are the parameters AFTER the last update; the MSE is the last loss " +
        "computed, BEFORE that update (the article returns tf_slope, tf_icept and loss_hist[-1]). " +
        "'match' compares slope and intercept to 2 decimals and the MSE to 1, as the article printed them.";

    /// <summary>A table of <paramref name="runs"/> with their printed digits and whether each matches.</summary>
    public static ReproducedTable Table(string title, IReadOnlyList<ArticleRun> runs)
    {
        List<IReadOnlyList<string>> rows = runs.Select(run => (IReadOnlyList<string>)
        [
            run.Name, run.Settings, $"({F(run.Start.Slope)}, {F(run.Start.Intercept)})", run.Run.Count.ToString(CultureInfo.InvariantCulture),
            F(run.Run.Final.Slope), F(run.Run.Final.Intercept), F(run.Run.Last.Loss),
            $"{run.Printed.Slope}, {run.Printed.Intercept}, {run.Printed.Loss}",
            run.Matches ? "yes" : $"no ({run.Rounded.Slope}, {run.Rounded.Intercept}, {run.Rounded.Loss})",
        ]).ToList();
        return new ReproducedTable(title,
            ["run", "settings", "start (slope, intercept)", "iterations", "slope after", "intercept after", "MSE before last update", "article printed", "match"],
            rows, Convention, runs.Count, runs.Count(run => !run.Matches));
    }

    private static string F(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
