using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Katas.Worker.Loading;

/// <summary>
/// Finds the types and members of the kata that the tests (or the kit) use but the learner's code does not have: each
/// would otherwise fail deep inside a test as a MissingMethodException. Every type and member reference of theirs into the
/// kata is resolved against the learner's assembly, in its load context.
/// </summary>
internal static class MissingMembers
{
    /// <summary>One thing the tests use that the kata lacks.</summary>
    /// <param name="Type">The kata type's full name.</param>
    /// <param name="Member">The member as C# would declare it ("Take(Tensor, Tensor) returning double"), or "" for a missing type.</param>
    internal sealed record Gap(string Type, string Member);

    /// <summary>What <paramref name="user"/> (a test or kit assembly loaded beside the learner's kata) uses from the kata and does not find.</summary>
    public static IReadOnlyList<Gap> Of(Assembly user, string kataAssemblyName, byte[] userImage)
    {
        using var reader = new PEReader(new MemoryStream(userImage));
        MetadataReader metadata = reader.GetMetadataReader();
        var gaps = new List<Gap>();
        var missingTypes = new HashSet<TypeReferenceHandle>();
        foreach (TypeReferenceHandle handle in metadata.TypeReferences)
        {
            if (!IsKataType(metadata, handle, kataAssemblyName))
            {
                continue;
            }

            try
            {
                _ = user.ManifestModule.ResolveType(MetadataTokens.GetToken(handle));
            }
            catch (TypeLoadException)
            {
                missingTypes.Add(handle);
                gaps.Add(new Gap(FullName(metadata, handle), ""));
            }
        }

        var names = new SignatureNames(metadata);
        foreach (MemberReferenceHandle handle in metadata.MemberReferences)
        {
            MemberReference member = metadata.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference || !IsKataType(metadata, (TypeReferenceHandle)member.Parent, kataAssemblyName)
                || missingTypes.Contains((TypeReferenceHandle)member.Parent))
            {
                continue;
            }

            try
            {
                _ = user.ManifestModule.ResolveMember(MetadataTokens.GetToken(handle));
            }
            catch (Exception e) when (e is MissingMemberException or TypeLoadException or ArgumentException)
            {
                gaps.Add(new Gap(FullName(metadata, (TypeReferenceHandle)member.Parent), Describe(metadata, member, names)));
            }
        }

        return gaps.Distinct().ToList();
    }

    private static bool IsKataType(MetadataReader metadata, TypeReferenceHandle handle, string kataAssemblyName)
    {
        EntityHandle scope = metadata.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = metadata.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope.Kind == HandleKind.AssemblyReference
               && string.Equals(metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)scope).Name), kataAssemblyName, StringComparison.OrdinalIgnoreCase);
    }

    private static string FullName(MetadataReader metadata, TypeReferenceHandle handle)
    {
        TypeReference type = metadata.GetTypeReference(handle);
        string name = metadata.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? FullName(metadata, (TypeReferenceHandle)type.ResolutionScope) + "." + name
            : (type.Namespace.IsNil ? "" : metadata.GetString(type.Namespace) + ".") + name;
    }

    private static string Describe(MetadataReader metadata, MemberReference member, SignatureNames names)
    {
        string name = metadata.GetString(member.Name);
        if (member.GetKind() == MemberReferenceKind.Field)
        {
            return $"{member.DecodeFieldSignature(names, null)} {name}";
        }

        MethodSignature<string> signature = member.DecodeMethodSignature(names, null);
        string parameters = string.Join(", ", signature.ParameterTypes);
        return name switch
        {
            ".ctor" => $"constructor({parameters})",
            _ when name.StartsWith("get_", StringComparison.Ordinal) && signature.ParameterTypes.Length == 0 => $"{signature.ReturnType} {name[4..]} {{ get; }}",
            _ when name.StartsWith("set_", StringComparison.Ordinal) && signature.ParameterTypes.Length == 1 => $"{signature.ParameterTypes[0]} {name[4..]} {{ set; }}",
            _ => $"{(signature.Header.IsInstance ? "" : "static ")}{signature.ReturnType} {name}({parameters})",
        };
    }
}
