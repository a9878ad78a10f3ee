namespace Katas.Kits;

/// <summary>
/// A command line that can't be carried out; the message says what was wrong and what to type instead.
/// The katas tool prints it with the command's usage and exits with code 2.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
