using FluentAssertions;
using Katas.Cli.Grading;
using Katas.Conventions;
using NUnit.Framework;

namespace Katas.Cli.Tests.Grading;

[Parallelizable(ParallelScope.Self)]
public sealed class BundleStampTests
{
    private string _course = "";

    [SetUp]
    public void MakeCourse()
    {
        _course = Directory.CreateTempSubdirectory("katas-bundle-stamp-").FullName;
        Directory.CreateDirectory(Path.Combine(_course, "tests", "01-linreg"));
        File.WriteAllText(Path.Combine(_course, "tests", "01-linreg", "Task1Tests.cs"), "// a test\n");
        File.WriteAllText(Path.Combine(_course, "Directory.Build.props"), "<Project />\n");
        Run("init", "-q");
        Run("add", ".");
        Run("-c", "user.name=Teacher", "-c", "user.email=teacher@example.org", "commit", "-q", "-m", "course");
    }

    [TearDown]
    public void RemoveCourse() => Directory.Delete(_course, recursive: true);

    [Test]
    public void A_bundle_is_reused_only_while_what_its_build_reads_is_committed()
    {
        BundleStamp.BuildInputsCommitted(_course).Should().BeTrue("nothing differs from the commit");

        File.WriteAllText(Path.Combine(_course, "notes.txt"), "not read by the build\n");
        BundleStamp.BuildInputsCommitted(_course).Should().BeTrue("a file the build does not read changes nothing");

        File.WriteAllText(Path.Combine(_course, "tests", "01-linreg", "Task2Tests.cs"), "// not committed yet\n");
        BundleStamp.BuildInputsCommitted(_course).Should().BeFalse("an untracked test file would be compiled into the bundle");
        File.Delete(Path.Combine(_course, "tests", "01-linreg", "Task2Tests.cs"));

        File.AppendAllText(Path.Combine(_course, "Directory.Build.props"), "<!-- edited -->\n");
        BundleStamp.BuildInputsCommitted(_course).Should().BeFalse("an edited build setting changes the build");
    }

    [Test]
    public void A_stamp_reads_back_as_written_and_a_missing_or_damaged_one_is_none()
    {
        string bundle = Path.Combine(_course, "bundle");
        var stamp = new BundleStamp(new string('a', 40), Path.Combine(bundle, "tests", "01-linreg", "Linreg.Tests.dll"), "Linreg");

        BundleStamp.Read(bundle, "01-linreg").Should().BeNull();
        BundleStamp.Delete(bundle, "01-linreg");
        stamp.Write(bundle, "01-linreg");
        BundleStamp.Read(bundle, "01-linreg").Should().Be(stamp);

        File.WriteAllText(Path.Combine(bundle, "stamps", "01-linreg.json"), "{ half a stamp");
        BundleStamp.Read(bundle, "01-linreg").Should().BeNull();
        BundleStamp.Delete(bundle, "01-linreg");
        BundleStamp.Read(bundle, "01-linreg").Should().BeNull();
    }

    private void Run(params string[] arguments) => Git.Run(_course, arguments).Succeeded.Should().BeTrue();
}
