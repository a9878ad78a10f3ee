using System.Reflection;
using System.Reflection.Emit;
using TorchSharp;

namespace Katas.Dense.Tests;

/// <summary>
/// Reads the compiled IL of the from-scratch types (tasks 1-4, their lambdas and iterators included) and lists every
/// use of an nn.Module (a layer or a loss module), an optimizer, or the factories torch.nn.* and torch.optim.*
/// that make them. torch.nn.functional (relu, softmax) is plain tensor maths and allowed.
/// </summary>
internal static class FromScratchScan
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>The from-scratch types of tasks 1-4.</summary>
    public static Type[] Types { get; } =
        [typeof(NaiveDense), typeof(NaiveSequential), typeof(Preprocessing), typeof(BatchGenerator), typeof(Loss), typeof(TrainingStep), typeof(FromScratch)];

    /// <summary>"Type.Method uses X" for every forbidden use found, empty when there is none.</summary>
    public static IReadOnlyList<string> Findings()
    {
        var findings = new List<string>();
        foreach (Type root in Types)
        {
            foreach (Type type in WithNested(root))
            {
                string owner = Display(root);
                foreach (Type declared in new[] { type.BaseType }.Concat(type.GetInterfaces()).OfType<Type>().Where(IsForbidden))
                {
                    findings.Add($"{owner} derives from {Display(declared)}");
                }

                const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
                foreach (FieldInfo field in type.GetFields(all).Where(field => IsForbidden(field.FieldType)))
                {
                    findings.Add($"{owner} has a field of type {Display(field.FieldType)}");
                }

                foreach (MethodBase method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
                {
                    findings.AddRange(Scan(method).Select(found => $"{owner}.{MethodName(method)} uses {found}"));
                }
            }
        }

        return findings.Distinct().ToList();
    }

    private static IEnumerable<string> Scan(MethodBase method)
    {
        MethodBody? body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (LocalVariableInfo local in body.LocalVariables.Where(local => IsForbidden(local.LocalType)))
        {
            yield return "a local variable of type " + Display(local.LocalType);
        }

        byte[] il = body.GetILAsByteArray() ?? [];
        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            if (!OpCodesByValue.TryGetValue(value, out OpCode code))
            {
                yield break; // not IL we understand: stop rather than misread
            }

            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                MemberInfo? member = Resolve(method.Module, BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                Type? used = member as Type ?? member?.DeclaringType;
                if (used is not null && IsForbidden(used))
                {
                    yield return member is Type ? Display(used) : $"{Display(used)}.{member!.Name}";
                }
            }

            i += OperandSize(code, il, i);
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool IsForbidden(Type type)
    {
        Type t = type.IsArray || type.IsByRef ? type.GetElementType()! : type;
        return typeof(torch.nn.Module).IsAssignableFrom(t)
               || typeof(torch.optim.Optimizer).IsAssignableFrom(t)
               || t == typeof(torch.nn)
               || t == typeof(torch.optim)
               || (t.IsGenericType && t.GetGenericArguments().Any(IsForbidden));
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static IEnumerable<Type> WithNested(Type type) =>
        new[] { type }.Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested));

    private static string MethodName(MethodBase method) => method.IsConstructor ? "constructor" : method.Name;

    private static string Display(Type type) => (type.FullName ?? type.Name).Replace('+', '.');
}
