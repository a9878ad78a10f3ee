namespace Katas.Testing.Coaching;

/// <summary>What the coach recognised in a learner's run.</summary>
public enum Symptom
{
    /// <summary>The task's stub is still in place.</summary>
    NotImplemented,

    /// <summary>The code threw an exception.</summary>
    Exception,

    /// <summary>The code did not finish in time (an endless loop?).</summary>
    Timeout,

    /// <summary>A loss, parameter or gradient became NaN or infinite.</summary>
    NotFinite,

    /// <summary>The loss grew step after step.</summary>
    Diverging,

    /// <summary>A parameter has no gradient after backward().</summary>
    NullGradient,

    /// <summary>Gradients from earlier steps were added to the current one.</summary>
    GradientsAccumulate,

    /// <summary>A step left the parameters as they were.</summary>
    ParametersUnchanged,

    /// <summary>The number of live tensors grows with the number of steps.</summary>
    LeakedTensors,
}
