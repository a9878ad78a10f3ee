namespace Katas.Testing.Coaching;

/// <summary>A recognised problem and its explanation in plain words: what happened and the likely cause.</summary>
/// <param name="Symptom">What kind of problem it is.</param>
/// <param name="Message">The explanation shown to the learner.</param>
public sealed record Diagnosis(Symptom Symptom, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Message;
}
