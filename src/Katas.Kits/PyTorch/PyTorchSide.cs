namespace Katas.Kits.PyTorch;

/// <summary>What a benchmark's PyTorch side is: a <see cref="PyTorchSession"/> it asks, the install it runs on, and its end.</summary>
/// <param name="session">The running script and its folder, owned from here on.</param>
public abstract class PyTorchSide(PyTorchSession session) : IDisposable
{
    /// <summary>The running script.</summary>
    protected PyTorchSession Session { get; } = session;

    /// <summary>The Python and PyTorch it runs on.</summary>
    public PyTorchInstall Install => Session.Install;

    /// <summary>Ends the script and deletes its folder.</summary>
    public void Dispose()
    {
        Session.Dispose();
        GC.SuppressFinalize(this);
    }
}
