using StepOrders.Local.Data;

namespace StepOrders.Local.Tests;

/// <summary>A real SQLite database in a folder of its own, deleted afterwards, and a fake clock.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string path)
    {
        Folder = new DataFolder(path);
        Database = LocalDatabase.Open(Folder);
    }

    public DataFolder Folder { get; }

    internal LocalDatabase Database { get; }

    public TestClock Clock { get; } = new();

    public static TestDatabase Create() => new(Directory.CreateTempSubdirectory("steporders-local-").FullName);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(Folder.Path, recursive: true);
    }
}
