using System.Text.Json;
using System.Text.Json.Serialization;

namespace Katas.Runner.Protocol;

/// <summary>
/// How supervisor and worker write to each other: one JSON object per line. The worker's lines start with a key the
/// supervisor gave it on its standard input and nobody else knows, so output that learner code prints (or forges) is
/// never taken for a report.
/// </summary>
public static class WorkerChannel
{
    /// <summary>The one serialiser setting for every message: camelCase names, enums as names.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        // Defaults are left out (a missing field reads back as its default), which keeps the lines short.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>A fresh key for one worker.</summary>
    public static string NewKey() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>The line that carries <paramref name="message"/>.</summary>
    public static string Line<T>(string key, T message) => key + " " + JsonSerializer.Serialize(message, Json);

    /// <summary>The message a line carries, or null when the line does not start with the key (anything else the process printed).</summary>
    public static T? Read<T>(string key, string line)
        where T : class =>
        line.Length > key.Length + 1 && line.StartsWith(key, StringComparison.Ordinal) && line[key.Length] == ' '
            ? JsonSerializer.Deserialize<T>(line.AsSpan(key.Length + 1), Json)
            : null;
}
