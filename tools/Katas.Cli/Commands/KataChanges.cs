
namespace Katas.Cli.Commands;

/// <summary>
/// Watches katas/ for the learner's edits: a change wakes <see cref="WaitForChange"/> once the files have been quiet for
/// <see cref="Quiet"/> (editors save in several writes). Build output (bin/, obj/) and editor scratch files don't count.
/// </summary>
internal sealed class KataChanges : IDisposable
{
    /// <summary>
    /// How long the files must be quiet after a change before the tests run again: long enough to take an editor's save
    /// (a temporary file, a rename, a write) as one change, short enough to count for little in the time to the board.
    /// </summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private readonly FileSystemWatcher _watcher;
    private readonly string _folder;
    private readonly Lock _lock = new();
    private DateTime _lastChange = DateTime.MinValue;
    private string? _lastFile;

    /// <summary>Starts watching <paramref name="folder"/> (katas/, or a folder laid out like it) and everything under it.</summary>
    public KataChanges(string folder)
    {
        _folder = folder;
        _watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Forgets changes seen so far (e.g. the ones the learner made before the last run started).</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _lastChange = DateTime.MinValue;
            _lastFile = null;
        }
    }

    /// <summary>Waits for a change followed by <see cref="Quiet"/>; returns the file changed last (relative to the folder watched), or null when cancelled.</summary>
    public string? WaitForChange(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            lock (_lock)
            {
                if (_lastFile is not null && DateTime.UtcNow - _lastChange >= Quiet)
                {
                    string file = _lastFile;
                    _lastFile = null;
                    return file;
                }
            }

            cancellation.WaitHandle.WaitOne(20);
        }

        return null;
    }

    /// <inheritdoc />
    public void Dispose() => _watcher.Dispose();

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        string relative = Path.GetRelativePath(_folder, e.FullPath);
        string[] parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        string name = parts[^1];
        if (parts.Any(part => part is "bin" or "obj") || name.StartsWith('.') || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal)
            || name.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return;
        }

        lock (_lock)
        {
            _lastChange = DateTime.UtcNow;
            _lastFile = relative;
        }
    }
}
