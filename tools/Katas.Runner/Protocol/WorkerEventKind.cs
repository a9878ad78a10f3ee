namespace Katas.Runner.Protocol;

/// <summary>What a worker reports, in the order it happens.</summary>
public enum WorkerEventKind
{
    /// <summary>The worker has loaded TorchSharp, NUnit and the compiler, and waits for a run.</summary>
    Ready,

    /// <summary>The kata was compiled: <see cref="WorkerEvent.Diagnostics"/> has the errors and warnings.</summary>
    Compiled,

    /// <summary>The run's tests were found: <see cref="WorkerEvent.Tests"/> lists every one the request is about (all, or the tasks or names it asks for), run yet or not.</summary>
    Discovered,

    /// <summary>A test started.</summary>
    Started,

    /// <summary>A test ended: <see cref="WorkerEvent.Outcome"/>.</summary>
    Finished,

    /// <summary>A call into learner code ran past its time limit: the worker ends after this, and a fresh one runs the rest.</summary>
    Poisoned,

    /// <summary>Learner code is ending the process (Environment.Exit) while <see cref="WorkerEvent.Test"/> runs.</summary>
    Exiting,

    /// <summary>The run is over.</summary>
    Done,
}
