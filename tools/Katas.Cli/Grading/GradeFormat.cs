namespace Katas.Cli.Grading;

/// <summary>The formats of a grade report (on the command line: markdown, json, junit).</summary>
public enum GradeFormat
{
    /// <summary>For people and $GITHUB_STEP_SUMMARY.</summary>
    Markdown,

    /// <summary>exercism's results.json, version 3, with points.</summary>
    Json,

    /// <summary>JUnit XML, for CI systems that show test reports.</summary>
    Junit,
}
