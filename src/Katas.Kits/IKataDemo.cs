namespace Katas.Kits;

/// <summary>A kata's part of `katas demo`: renders its figures into a folder.</summary>
public interface IKataDemo
{
    /// <summary>The kata folder name, e.g. "01-linreg".</summary>
    string Kata { get; }

    /// <summary>How many runs <see cref="Render"/> makes (for the progress bar).</summary>
    int Runs { get; }

    /// <summary>Renders the kata's runs into <paramref name="folder"/>, one row per run as it finishes.</summary>
    IEnumerable<DemoRow> Render(string folder);
}
