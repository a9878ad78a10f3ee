namespace Katas.Cli;

/// <summary>A command line that can't be carried out; the message says what was wrong and what to type instead.</summary>
internal sealed class UsageException(string message) : Exception(message);
