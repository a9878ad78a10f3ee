using System.Text.Json;
using System.Text.Json.Serialization;

namespace Katas.Kits;

/// <summary>
/// The one JSON setting of the kits' `--json` output and the benches' documents: snake_case names from the C# names
/// (a property says [JsonPropertyName] only where its JSON name is not its own name in snake_case), NaN and infinities
/// written as their names instead of failing.
/// </summary>
public static class KitJson
{
    /// <summary>One JSON object per line: what a command's `--json` prints.</summary>
    public static JsonSerializerOptions Line { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>An indented document: what a bench's `--json` prints.</summary>
    public static JsonSerializerOptions Document { get; } = new(Line) { WriteIndented = true };
}
