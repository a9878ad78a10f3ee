using System.Reflection;
using Microsoft.Extensions.DependencyModel;

namespace Katas.Kits;

/// <summary>
/// Finds what the katas' kits offer (demos, reproductions, commands, benchmarks) by reflection over the
/// project assemblies the running program was built with, so no list of katas is written anywhere.
/// </summary>
public static class KitCatalog
{
    private static readonly Lazy<IReadOnlyList<Type>> KitTypes = new(FindKitTypes);

    /// <summary>Every kata's demo, in kata order.</summary>
    public static IReadOnlyList<IKataDemo> Demos => Instances<IKataDemo>().OrderBy(demo => demo.Kata, StringComparer.Ordinal).ToList();

    /// <summary>Every kata's reproduction of the article's runs, in kata order.</summary>
    public static IReadOnlyList<IKataReproduction> Reproductions =>
        Instances<IKataReproduction>().OrderBy(reproduction => reproduction.Kata, StringComparer.Ordinal).ToList();

    /// <summary>Kata-specific commands: (command type, its attribute).</summary>
    public static IReadOnlyList<(Type Command, KataCommandAttribute Attribute)> Commands =>
        KitTypes.Value.Select(type => (type, type.GetCustomAttribute<KataCommandAttribute>())).Where(pair => pair.Item2 is not null)
            .Select(pair => (pair.type, pair.Item2!)).OrderBy(pair => pair.Item2.Name, StringComparer.Ordinal).ToList();

    /// <summary>Benchmarks: (command type, its attribute).</summary>
    public static IReadOnlyList<(Type Command, KataBenchAttribute Attribute)> Benchmarks =>
        KitTypes.Value.Select(type => (type, type.GetCustomAttribute<KataBenchAttribute>())).Where(pair => pair.Item2 is not null)
            .Select(pair => (pair.type, pair.Item2!)).OrderBy(pair => pair.Item2.Name, StringComparer.Ordinal).ToList();

    private static IEnumerable<T> Instances<T>() =>
        KitTypes.Value.Where(type => typeof(T).IsAssignableFrom(type) && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (T)Activator.CreateInstance(type)!);

    /// <summary>The public and internal types of every project assembly that references this one (the kits).</summary>
    private static IReadOnlyList<Type> FindKitTypes()
    {
        string self = typeof(KitCatalog).Assembly.GetName().Name!;
        // The deps.json file lists the projects a program was built with; a kit is one that depends on Katas.Kits.
        IEnumerable<RuntimeLibrary> projects = DependencyContext.Default?.RuntimeLibraries.Where(library => library.Type == "project") ?? [];
        return projects
            .Where(library => library.Dependencies.Any(dependency => dependency.Name == self))
            .Select(library => Assembly.Load(new AssemblyName(library.Name)))
            .SelectMany(assembly => assembly.GetTypes())
            .ToList();
    }
}
