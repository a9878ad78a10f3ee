namespace Katas.Cli.Doctor;

/// <summary>How a doctor check came out.</summary>
internal enum DoctorStatus
{
    /// <summary>Fine.</summary>
    Ok,

    /// <summary>Works, but worth knowing (e.g. only the data subset is there).</summary>
    Note,

    /// <summary>Something the katas need is missing: doctor exits non-zero.</summary>
    Missing,
}

/// <summary>One line of `./kata doctor`: what was checked, what was found, and the fix when something is wrong.</summary>
/// <param name="Check">What was checked, e.g. ".NET SDK".</param>
/// <param name="Status">How it came out.</param>
/// <param name="Found">What was found, in words.</param>
/// <param name="Fix">What to do about it, or null when nothing needs doing.</param>
internal sealed record DoctorLine(string Check, DoctorStatus Status, string Found, string? Fix = null);
