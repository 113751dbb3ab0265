using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Api.FrontDoor;

namespace StepOrders.Api.Tests.FrontDoor;

public sealed class AccessLogRotationTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("steporders-access-").FullName;
    private AccessLogWriter _writer = null!;
    private int _written;

    private string LogPath => Path.Combine(_folder, "access.log");

    public async Task InitializeAsync()
    {
        _writer = new AccessLogWriter(LogPath, new AccessLogRotation(MaxFileBytes: 1024, Files: 4), NullLogger<AccessLogWriter>.Instance);
        await _writer.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Rotation_keeps_every_record_once_and_in_order_across_the_files()
    {
        // About 230 bytes a line: a kibibyte file takes five, so 12 lines in batches of two span three files.
        for (var batch = 0; batch < 6; batch++)
        {
            await WriteAsync(2);
        }

        Assert.Equal([.. Enumerable.Range(0, 12)], Numbers(Files()));
        Assert.True(Files().Count > 2);
        Assert.All(Files().SkipLast(1), file => Assert.True(new FileInfo(file).Length >= 1024, file));
    }

    [Fact]
    public async Task The_log_spans_at_most_the_configured_files_the_oldest_falling_off()
    {
        for (var batch = 0; batch < 20; batch++)
        {
            await WriteAsync(3);
        }

        var files = Files();
        var numbers = Numbers(files);
        Assert.Equal([LogPath + ".3", LogPath + ".2", LogPath + ".1", LogPath], files);
        Assert.False(File.Exists(LogPath + ".4"));
        Assert.Equal(_written - 1, numbers[^1]);
        Assert.Equal([.. Enumerable.Range(numbers[0], numbers.Count)], numbers);
    }

    [Fact]
    public async Task Records_written_from_many_requests_while_the_file_rotates_are_all_kept()
    {
        var path = Path.Combine(_folder, "busy.log");
        using var writer = new AccessLogWriter(path, new AccessLogRotation(MaxFileBytes: 1024, Files: 100), NullLogger<AccessLogWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        var next = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                writer.Write(Record(Interlocked.Increment(ref next) - 1));
                if (i % 10 == 9)
                {
                    await writer.FlushAsync();
                }
            }
        })));
        await writer.StopAsync(CancellationToken.None);

        var files = Enumerable.Range(1, 100).Select(age => $"{path}.{age}").Where(File.Exists).Append(path).ToList();
        Assert.True(files.Count > 2);
        Assert.Equal([.. Enumerable.Range(0, 200)], Numbers(files).Order());
    }

    [Theory]
    [InlineData(null, null, 10L * 1024 * 1024, 5)]
    [InlineData("2048", "2", 2048L, 2)]
    public void Rotation_is_five_files_of_ten_mebibytes_unless_configured(string? maxFileBytes, string? files, long expectedBytes, int expectedFiles)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [AccessLogRotation.MaxFileBytesKey] = maxFileBytes,
            [AccessLogRotation.FilesKey] = files,
        }).Build();

        Assert.Equal(new AccessLogRotation(expectedBytes, expectedFiles), AccessLogRotation.From(configuration));
    }

    [Fact]
    public void A_rotation_setting_out_of_range_stops_the_host_with_its_name()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AccessLogRotation.FilesKey] = "0" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => AccessLogRotation.From(configuration));
        Assert.Contains(AccessLogRotation.FilesKey, error.Message, StringComparison.Ordinal);
    }

    private async Task WriteAsync(int lines)
    {
        for (var i = 0; i < lines; i++)
        {
            _writer.Write(Record(_written++));
        }
        await _writer.FlushAsync();
    }

    private static AccessRecord Record(int number) => new(
        DateTimeOffset.UnixEpoch, "POST", "/orders/", 201, 1.5, "shop-frontend", "key_0123456789ab",
        $"00-{number:D32}-0123456789abcdef-01");

    /// <summary>The log's files, oldest first.</summary>
    private List<string> Files() =>
        [.. Enumerable.Range(1, 10).Reverse().Select(age => $"{LogPath}.{age}").Where(File.Exists).Append(LogPath)];

    private static List<int> Numbers(IEnumerable<string> files) =>
        [.. files.SelectMany(File.ReadAllLines).Select(line => int.Parse(JsonDocument.Parse(line).RootElement.GetProperty("traceId").GetString()![3..35], System.Globalization.CultureInfo.InvariantCulture))];
}
