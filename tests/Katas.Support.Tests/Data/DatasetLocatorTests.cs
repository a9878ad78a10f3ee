using FluentAssertions;
using Katas.Data;
using Katas.Testing;

namespace Katas.Support.Tests.Data;

/// <summary>
/// The search order: a folder passed by the caller, then the environment variable, then the
/// repository's data folder, then system-wide installs. Each candidate folder holds a different
/// number of images, so the count shows which one was read.
/// </summary>
[NonParallelizable]
public sealed class DatasetLocatorTests
{
    private IdxTestFiles _files = null!;
    private ImageDatasetInfo _dataset = null!;
    private string _option = null!;
    private string _fromEnvironment = null!;
    private string _repository = null!;
    private string _system = null!;

    [SetUp]
    public void CreateCandidateFolders()
    {
        _files = new IdxTestFiles();
        _option = Path.Combine(_files.Folder, "option");
        _fromEnvironment = Path.Combine(_files.Folder, "environment");
        _repository = Path.Combine(_files.Folder, "repo");
        _system = Path.Combine(_files.Folder, "system");
        _files.SavePair(_option, "train", 10, gzip: true);
        _files.SavePair(_fromEnvironment, "train", 20, gzip: false);
        _files.SavePair(Path.Combine(_repository, "data", "fashion-mnist"), "train", 30, gzip: true);
        _files.SavePair(_system, "train", 40, gzip: true);

        // A variable of this test's own, so a KATAS_FASHION_MNIST_DIR set on the machine changes nothing.
        _dataset = FashionMnist.Info with { EnvironmentVariable = "KATAS_TEST_DATA_" + Guid.NewGuid().ToString("N"), SystemFolders = [_system] };
    }

    [TearDown]
    public void DeleteFolders()
    {
        Environment.SetEnvironmentVariable(_dataset.EnvironmentVariable, null);
        _files.Dispose();
    }

    private ImageDataset Load(string? option = null, string? repository = null) =>
        ImageDataset.Load(new DatasetLocator(_dataset, repository ?? _repository), DataSplit.Train, option);

    [Test]
    public void A_folder_passed_by_the_caller_comes_first()
    {
        Environment.SetEnvironmentVariable(_dataset.EnvironmentVariable, _fromEnvironment);
        ImageDataset data = Load(option: _option);
        data.Count.Should().Be(10);
        data.Source.Location.Should().Be(new SearchLocation(_option, DataOrigin.Parameter, "the folder passed to the loader"));
        data.Source.ImagesFile.Should().Be(Path.Combine(_option, "train-images-idx3-ubyte.gz"));
    }

    [Test]
    public void The_environment_variable_comes_before_the_repository()
    {
        Environment.SetEnvironmentVariable(_dataset.EnvironmentVariable, _fromEnvironment);
        ImageDataset data = Load();
        data.Count.Should().Be(20);
        data.Source.Location.Origin.Should().Be(DataOrigin.EnvironmentVariable);
        data.Source.ToString().Should().Contain($"(environment variable {_dataset.EnvironmentVariable})");
    }

    [Test]
    public void The_repository_data_folder_comes_before_the_system_install()
    {
        ImageDataset data = Load();
        data.Count.Should().Be(30);
        data.Source.Location.Should().Be(new SearchLocation(Path.Combine(_repository, "data", "fashion-mnist"), DataOrigin.Repository, "the repository's data folder"));
    }

    [Test]
    public void The_system_install_is_used_when_the_repository_has_no_files()
    {
        ImageDataset data = Load(repository: Path.Combine(_files.Folder, "empty-repo"));
        data.Count.Should().Be(40);
        data.Source.Location.Origin.Should().Be(DataOrigin.SystemPackage);
    }

    [Test]
    public void When_nothing_is_found_the_error_lists_every_folder_searched_and_what_was_missing()
    {
        string emptyRepository = Path.Combine(_files.Folder, "empty-repo");
        string halfFilled = Path.Combine(_files.Folder, "half");
        _files.Save("train-images-idx3-ubyte", IdxTestFiles.Idx(1, 28, 28), gzip: true, halfFilled);
        var dataset = _dataset with { SystemFolders = [halfFilled, "/no/such/folder"] };
        Directory.CreateDirectory(Path.Combine(emptyRepository, "data", "fashion-mnist"));
        var locator = new DatasetLocator(dataset, emptyRepository);

        Action load = () => ImageDataset.Load(locator, DataSplit.Train);

        string repositoryFolder = Path.Combine(emptyRepository, "data", "fashion-mnist");
        load.Should().Throw<DatasetNotFoundException>()
            .Where(e => e.Split == DataSplit.Train && e.Dataset == "Fashion-MNIST")
            .Where(e => e.Searched.Select(location => location.Directory).SequenceEqual(new[] { repositoryFolder, halfFilled, "/no/such/folder" }))
            .Which.Message.Should().Be(string.Join(Environment.NewLine,
                "Fashion-MNIST (train split) was not found. Looked for train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz] in, in order:",
                $"  1. {repositoryFolder} (the repository's data folder): neither file is there",
                $"  2. {halfFilled} (system-wide install): the images file is there (train-images-idx3-ubyte.gz) but no labels file",
                "  3. /no/such/folder (system-wide install): no such folder",
                FashionMnist.Info.InstallHint));
    }

    [Test]
    public void A_named_folder_is_the_only_one_searched_so_a_mistake_is_not_hidden_by_the_subset()
    {
        string typo = Path.Combine(_files.Folder, "fashoin-mnist");
        Environment.SetEnvironmentVariable(_dataset.EnvironmentVariable, typo);

        Action fromEnvironment = () => Load();
        Action fromOption = () => Load(option: typo);

        fromEnvironment.Should().Throw<DatasetNotFoundException>()
            .WithMessage($"*1. {typo} (environment variable {_dataset.EnvironmentVariable}): no such folder*no other folder is searched*")
            .Which.Searched.Should().HaveCount(1);
        fromOption.Should().Throw<DatasetNotFoundException>()
            .WithMessage($"*1. {typo} (the folder passed to the loader): no such folder*")
            .Which.Searched.Should().HaveCount(1);
    }

    [Test]
    public void Outside_a_repository_the_error_says_the_data_folder_was_not_searched()
    {
        var locator = new DatasetLocator(_dataset with { SystemFolders = [] }, repositoryRoot: null);
        Action load = () => locator.Find(DataSplit.Test);
        load.Should().Throw<DatasetNotFoundException>().WithMessage("*The repository's data folder was not searched: no Katas.slnx above*");
    }

    [Test]
    public void The_default_search_starts_in_this_repository_and_ends_with_the_Debian_folder()
    {
        string root = KataEnvironment.RepoRoot.TrimEnd('/', '\\');
        RepositoryFolders.Root.Should().Be(root, "the tests run from a build output inside the repository");
        RepositoryFolders.Data.Should().Be(Path.Combine(root, "data"));

        IReadOnlyList<SearchLocation> paths = new DatasetLocator(FashionMnist.Info with { EnvironmentVariable = _dataset.EnvironmentVariable }).SearchPaths();

        paths.Select(path => (path.Directory, path.Origin)).Should().Equal(
            (Path.Combine(root, "data", "fashion-mnist"), DataOrigin.Repository),
            ("/usr/share/datasets/fashion-mnist", DataOrigin.SystemPackage));
    }

    [Test]
    public void The_real_environment_variable_is_read_by_FashionMnist_Load()
    {
        string? before = Environment.GetEnvironmentVariable(FashionMnist.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("KATAS_FASHION_MNIST_DIR", _fromEnvironment);
            ImageDataset data = FashionMnist.Load(DataSplit.Train);
            data.Count.Should().Be(20);
            data.Source.Location.Origin.Should().Be(DataOrigin.EnvironmentVariable);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FashionMnist.EnvironmentVariable, before);
        }
    }
}
