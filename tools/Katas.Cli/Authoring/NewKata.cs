using System.Globalization;
using System.Text.RegularExpressions;
using Katas.Kits;

namespace Katas.Cli.Authoring;

/// <summary>
/// The names of a kata that `./kata new` is about to write: its folder ("06-image-filters"), number ("06"), the
/// PascalCase name of its projects and namespace ("ImageFilters") and the title its README and docs page carry.
/// </summary>
internal sealed partial record NewKata(string Folder, string Number, string Name, string Title)
{
    /// <summary>Reads and checks the command line's kata folder name and title against the repository's katas.</summary>
    /// <exception cref="UsageException">The name is not NN-name, its number or project name is taken, or the title is empty.</exception>
    public static NewKata Parse(string folder, string title)
    {
        Match match = FolderName().Match(folder);
        if (!match.Success)
        {
            throw new UsageException($"\"{folder}\" is not a kata folder name: two digits, a dash and lower-case words joined by dashes, e.g. 06-image-filters.");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Contains('\n', StringComparison.Ordinal))
        {
            throw new UsageException("The title must be one line of text, e.g. \"image filters by convolution\".");
        }

        string number = match.Groups["number"].Value;
        string name = string.Concat(match.Groups["words"].Value.Split('-').Select(word => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]));
        string? taken = KataRepository.Katas.FirstOrDefault(kata => kata.StartsWith(number + "-", StringComparison.Ordinal));
        if (taken is not null)
        {
            throw new UsageException($"Kata number {number} is taken by {taken}; the katas are {string.Join(", ", KataRepository.Katas)}.");
        }

        string? sameName = KataRepository.Katas.FirstOrDefault(kata => Directory.GetFiles(Path.Combine(KataRepository.Root, "katas", kata), "*.csproj")
            .Any(project => Path.GetFileNameWithoutExtension(project) == name));
        if (sameName is not null)
        {
            throw new UsageException($"{sameName} already has projects named {name} (namespace Katas.{name}); choose other words after the number.");
        }

        return new NewKata(folder, number, name, title.Trim());
    }

    /// <summary>The text with the template's tokens replaced: {{kata}}, {{number}}, {{Name}}, {{title}}.</summary>
    public string Fill(string template) => template
        .Replace("{{kata}}", Folder, StringComparison.Ordinal)
        .Replace("{{number}}", Number, StringComparison.Ordinal)
        .Replace("{{Name}}", Name, StringComparison.Ordinal)
        .Replace("{{title}}", Title, StringComparison.Ordinal);

    /// <summary>A template file's path with its name tokens replaced: __Name__ and __kata__.</summary>
    public string FillPath(string path) => path.Replace("__Name__", Name, StringComparison.Ordinal).Replace("__kata__", Folder, StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<number>\d\d)-(?<words>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")]
    private static partial Regex FolderName();
}
