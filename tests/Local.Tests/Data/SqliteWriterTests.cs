using StepOrders.Local.Data;

namespace StepOrders.Local.Tests.Data;

public sealed class SqliteWriterTests : IAsyncLifetime
{
    private readonly TestDatabase _test = TestDatabase.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _test.DisposeAsync();

    [Fact]
    public async Task A_write_that_throws_is_undone_alone_and_the_rest_of_its_batch_commits()
    {
        var writer = _test.Database.Writer;

        var writes = Enumerable.Range(0, 50).Select(i => writer.WriteAsync(i, static (scope, i) =>
        {
            scope.Command("INSERT INTO stock (sku, available) VALUES (@sku, 1)").Bind("@sku", $"S-{i}").ExecuteNonQuery();
            return i % 10 == 3 ? throw new InvalidOperationException($"write {i} fails") : i;
        }, CancellationToken.None)).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async write =>
        {
            try
            {
                await write;
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }));

        Assert.Equal(45, outcomes.Count(ok => ok));
        await using var connection = await _test.Database.OpenReaderAsync(CancellationToken.None);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM stock WHERE sku LIKE 'S-%'";
        Assert.Equal(45L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_write_whose_caller_gave_up_does_not_run()
    {
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        var write = _test.Database.Writer.WriteAsync(scope => scope.Execute("INSERT INTO stock (sku, available) VALUES ('never', 1)"), canceled.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        Assert.Null(await new StepOrders.Local.Inventory.SqliteInventory(_test.Database, _test.Clock).GetAvailableAsync("never", CancellationToken.None));
    }
}
