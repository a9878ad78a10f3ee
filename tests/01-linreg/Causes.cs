namespace Katas.Linreg.Tests;

/// <summary>Likely causes that kata 01's tests name, worded once.</summary>
internal static class Causes
{
    /// <summary>A loss whose dtype is not the data's: the loss works on the tensors it is given.</summary>
    public const string LossFollowsTheData =
        "the loss was converted on the way (to_type, .to(), or a new tensor made from numbers): compute it from the tensors it is " +
        "given, with tensor operations only, and it keeps their dtype.";

    /// <summary>Gradients whose dtype is not the data's: they have the dtype of the parameters the learner created.</summary>
    public const string ParametersFollowTheData =
        "the slope and intercept you created do not follow the data: create them with dtype: heights.dtype, so float32 and float64 " +
        "data both work (torch.tensor of a C# double is float64 whatever the data).";
}
