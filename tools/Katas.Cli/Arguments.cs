namespace Katas.Cli;

/// <summary>A command's arguments: positionals in order, and --options with or without values.</summary>
internal sealed class Arguments
{
    private readonly List<string> _positionals = [];
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    /// <param name="args">The arguments after the command name.</param>
    /// <param name="flags">Options that never take a value (e.g. --json).</param>
    public Arguments(IReadOnlyList<string> args, params string[] flags)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                _positionals.Add(arg);
            }
            else if (flags.Contains(arg) || i + 1 == args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                _options[arg] = null;
            }
            else
            {
                _options[arg] = args[++i];
            }
        }
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public bool Has(string flag)
    {
        _read.Add(flag);
        return _options.ContainsKey(flag);
    }

    public string? Value(string option)
    {
        _read.Add(option);
        if (_options.TryGetValue(option, out string? value) && value is null)
        {
            throw new UsageException($"The option {option} needs a value.");
        }

        return value;
    }

    public int Int(string option, int fallback, int min, int max)
    {
        string? text = Value(option);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, out int value) || value < min || value > max)
        {
            throw new UsageException($"{option} must be a whole number from {min} to {max}; got \"{text}\".");
        }

        return value;
    }

    /// <summary>Fails on options the command did not ask for, and on more positionals than it takes.</summary>
    public void RejectUnknown(int maxPositionals)
    {
        string? unknown = _options.Keys.FirstOrDefault(key => !_read.Contains(key));
        if (unknown is not null)
        {
            throw new UsageException($"Unknown option {unknown}.");
        }

        if (_positionals.Count > maxPositionals)
        {
            throw new UsageException($"Unexpected argument \"{_positionals[maxPositionals]}\".");
        }
    }
}
