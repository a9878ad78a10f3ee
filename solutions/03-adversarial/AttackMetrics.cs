namespace Katas.Adversarial;

/// <summary>
/// Given: how one attacked image came out (task 4).
/// </summary>
/// <param name="Success">The classifier's most likely class for the adversarial image is the target.</param>
/// <param name="TargetConfidence">The classifier's probability of the target class for the adversarial image.</param>
/// <param name="LinfIn255">The largest change of any channel of any pixel, in 0-255 counts (1/255 in [0, 1] is 1 count).</param>
/// <param name="L2">The Euclidean length of the change over every channel of every pixel, in [0, 1] units.</param>
/// <param name="SurvivesPng">Still the target after saving as an 8-bit PNG (every value rounded to the nearest count).</param>
/// <param name="PngTargetConfidence">The probability of the target class after that rounding.</param>
public sealed record AttackMetrics(bool Success, double TargetConfidence, double LinfIn255, double L2, bool SurvivesPng, double PngTargetConfidence);
