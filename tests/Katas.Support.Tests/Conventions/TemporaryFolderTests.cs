using FluentAssertions;
using Katas.Conventions;
using NUnit.Framework;

namespace Katas.Support.Tests.Conventions;

public sealed class TemporaryFolderTests
{
    [Test]
    public void The_folder_is_new_and_empty_named_with_its_prefix_and_gone_with_its_files_once_disposed()
    {
        string path;
        using (var folder = new TemporaryFolder("katas-temporary-"))
        {
            path = folder.FullName;
            Path.GetFileName(path).Should().StartWith("katas-temporary-");
            Path.GetDirectoryName(path).Should().Be(Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar));
            Directory.EnumerateFileSystemEntries(path).Should().BeEmpty();

            File.WriteAllText(folder.PathOf("a.txt"), "a");
            Directory.CreateDirectory(Path.Combine(path, "sub"));
            File.WriteAllText(Path.Combine(path, "sub", "b.txt"), "b");
        }

        Directory.Exists(path).Should().BeFalse("disposing deletes the folder and everything in it");
    }

    [Test]
    public void Disposing_a_folder_someone_already_deleted_is_no_error()
    {
        var folder = new TemporaryFolder("katas-temporary-");
        Directory.Delete(folder.FullName);
        folder.Invoking(it => it.Dispose()).Should().NotThrow();
    }
}
