namespace Katas.Conventions;

/// <summary>
/// A new, empty folder under the system's temporary folder, deleted with everything in it when disposed: a scratch folder
/// a test or a command owns for as long as it runs, so repeated runs leave nothing behind in /tmp.
/// </summary>
public sealed class TemporaryFolder : IDisposable
{
    /// <summary>Creates the folder; its name starts with <paramref name="prefix"/> (e.g. "katas-roster"), for whoever lists /tmp.</summary>
    public TemporaryFolder(string prefix) => FullName = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The folder's absolute path.</summary>
    public string FullName { get; }

    /// <summary>The path of <paramref name="name"/> inside the folder (not created).</summary>
    public string PathOf(string name) => Path.Combine(FullName, name);

    /// <summary>Deletes the folder and everything in it; nothing to do when it is gone already.</summary>
    public void Dispose()
    {
        if (Directory.Exists(FullName))
        {
            Directory.Delete(FullName, recursive: true);
        }
    }
}
