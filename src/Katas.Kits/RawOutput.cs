using Spectre.Console;

namespace Katas.Kits;

/// <summary>
/// Text a command prints as it is: JSON and progress lines that other programs read. Spectre's own WriteLine would wrap
/// a long line at the console's width and read [brackets] as markup; this writes to the same console's output, so a test
/// that runs the command in process with a test console sees it too.
/// </summary>
public static class RawOutput
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="console"/>'s output as it is (a report that ends its own lines).</summary>
    public static void WriteRaw(this IAnsiConsole console, string text)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Profile.Out.Writer.Write(text);
    }

    /// <summary>Writes <paramref name="text"/> and a line end to <paramref name="console"/>'s output, unwrapped.</summary>
    public static void WriteRawLine(this IAnsiConsole console, string text) => console.WriteRaw(text + Environment.NewLine);

    /// <summary>Writes <paramref name="value"/> as one JSON object on one line (<see cref="KitJson.Line"/>): what a command's --json prints.</summary>
    public static void WriteJsonLine<T>(this IAnsiConsole console, T value) =>
        console.WriteRawLine(System.Text.Json.JsonSerializer.Serialize(value, KitJson.Line));
}
