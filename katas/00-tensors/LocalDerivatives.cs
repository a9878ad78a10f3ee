namespace Katas.Tensors;

/// <summary>
/// Given: the derivative along each edge of the book's graph x1 = w·x, x2 = x1 + b, loss = |y − x2|,
/// each taken at the point of the forward pass.
/// </summary>
/// <param name="LossByX2">∂loss/∂x2.</param>
/// <param name="X2ByX1">∂x2/∂x1.</param>
/// <param name="X2ByB">∂x2/∂b.</param>
/// <param name="X1ByW">∂x1/∂w.</param>
public sealed record LocalDerivatives(double LossByX2, double X2ByX1, double X2ByB, double X1ByW);
