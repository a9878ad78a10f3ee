using FluentAssertions;
using Katas.Conventions;
using NUnit.Framework;

namespace Katas.Support.Tests.Conventions;

public sealed class KataSourcesTests
{
    [TestCase("solutions", "reference", "reference solutions", true)]
    [TestCase("katas", "yours", "your code in katas/", false)]
    [TestCase("/tmp/submission", "other", "implementation in /tmp/submission", false)]
    public void Each_implementation_has_one_figure_folder_and_one_description(string kataSource, string who, string described, bool reference)
    {
        KataSources.Who(kataSource).Should().Be(who);
        KataSources.Describe(kataSource).Should().Be(described);
        KataSources.IsReference(kataSource).Should().Be(reference);
        ArtifactFolders.For("/repo", "01-linreg", kataSource).Should().Be(Path.Combine("/repo", "artifacts", "01-linreg", who));
    }

    [TestCase("kata01-task3", 3)]
    [TestCase("kata05-task12", 12)]
    [TestCase("kata01", 0)]
    [TestCase("long", 0)]
    [TestCase(null, 0)]
    public void A_task_category_is_written_and_read_back_by_the_same_rule(string? category, int task)
    {
        KataCategories.TaskOf(category).Should().Be(task);
        KataCategories.TaskOf(KataCategories.Task("07-new", task == 0 ? 1 : task)).Should().Be(task == 0 ? 1 : task);
        KataCategories.Kata("07-new").Should().Be("kata07");
    }
}
