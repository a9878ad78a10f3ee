using System.Reflection;
using Katas.Conventions;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace Katas.Testing;

/// <summary>
/// Tags a test class with the kata task it checks: <c>[KataTask(3)]</c> in kata 01's tests adds the NUnit
/// categories "kata01" and "kata01-task3". This is the one source of a test's task: `dotnet test --filter
/// TestCategory=kata01-task3`, `katas check 01 --task 3` and the board all read it. The kata comes from the
/// test project's KataFolder (build/KataSource.targets), so it can't disagree with the folder.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class KataTaskAttribute : NUnitAttribute, IApplyToTest
{
    /// <summary>Tags the class's tests with task <paramref name="task"/> of the test project's kata.</summary>
    public KataTaskAttribute(int task)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(task, 1);
        Task = task;
    }

    /// <summary>The task number, as numbered in the kata's README.</summary>
    public int Task { get; }

    /// <inheritdoc />
    public void ApplyToTest(Test test)
    {
        string kata = KataFolderOf(test.TypeInfo?.Assembly)
            ?? throw new InvalidOperationException($"{test.FullName}: [KataTask] is for kata test projects, which name their <KataFolder>.");
        test.Properties.Add(PropertyNames.Category, KataCategories.Kata(kata));
        test.Properties.Add(PropertyNames.Category, KataCategories.Task(kata, Task));
    }

    /// <summary>The KataFolder a test assembly was built for, or null.</summary>
    public static string? KataFolderOf(Assembly? assembly) =>
        KataMetadata.Of(assembly, "KataFolder");
}
