using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StepOrders.Api.FrontDoor;

/// <summary>
/// Writes the access log as JSON lines to its own file, as API Gateway sends access logs to a log group of their own:
/// a request only queues its record; one background loop formats and writes them in batches, flushing when the queue
/// runs dry. Past <see cref="MaxFileBytes"/> the file is renamed <c>.1</c> (replacing the previous one) and begun anew.
/// If the disk cannot keep up, records past <see cref="Capacity"/> queued are dropped and counted, never waited for.
/// </summary>
public sealed partial class AccessLogWriter : BackgroundService
{
    private readonly ILogger _logger;

    public const int Capacity = 65_536;
    public const long MaxFileBytes = 100L * 1024 * 1024;

    private readonly Channel<Entry> _entries;
    private long _dropped;

    public AccessLogWriter(string path, ILogger<AccessLogWriter> logger)
    {
        Path = path;
        _logger = logger;
        // A full queue drops the record being written (and says so through the callback) instead of blocking.
        _entries = Channel.CreateBounded<Entry>(
            new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite }, Dropped);
    }

    public string Path { get; }

    public void Write(in AccessRecord record) => _entries.Writer.TryWrite(new Entry(record, null));

    /// <summary>Completes once every record queued before the call is in the file.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _entries.Writer.TryWrite(new Entry(default, flushed)) ? flushed.Task : Task.CompletedTask;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _entries.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _entries.Reader;
        var file = Open();
        var json = new Utf8JsonWriter(file);
        List<TaskCompletionSource> flushed = [];
        try
        {
            // Not stoppingToken: the loop ends when StopAsync completes the queue, after writing what is in it.
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                while (reader.TryRead(out var entry))
                {
                    if (entry.Flushed is not null)
                    {
                        flushed.Add(entry.Flushed);
                        continue;
                    }
                    Format(json, entry.Record);
                    json.Flush();
                    file.WriteByte((byte)'\n');
                    json.Reset();
                }
                await file.FlushAsync(CancellationToken.None);
                flushed.ForEach(waiter => waiter.TrySetResult());
                flushed.Clear();
                if (Interlocked.Exchange(ref _dropped, 0) is > 0 and var dropped)
                {
                    LogDropped(dropped);
                }
                if (file.Length > MaxFileBytes)
                {
                    await file.DisposeAsync();
                    File.Move(Path, Path + ".1", overwrite: true);
                    file = Open();
                    json = new Utf8JsonWriter(file);
                }
            }
        }
        finally
        {
            await json.DisposeAsync();
            await file.DisposeAsync();
        }
    }

    private FileStream Open()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        return new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 64 * 1024);
    }

    private static void Format(Utf8JsonWriter json, in AccessRecord record)
    {
        json.WriteStartObject();
        json.WriteString("time"u8, record.Time);
        json.WriteString("method"u8, record.Method);
        json.WriteString("route"u8, record.Route);
        json.WriteNumber("status"u8, record.Status);
        json.WriteNumber("durationMs"u8, Math.Round(record.DurationMs, 3));
        json.WriteString("keyName"u8, record.KeyName);
        json.WriteString("keyId"u8, record.KeyId);
        json.WriteString("traceId"u8, record.TraceId);
        json.WriteEndObject();
    }

    private void Dropped(Entry entry)
    {
        if (entry.Flushed is { } flushed)
        {
            flushed.TrySetResult();
            return;
        }
        Interlocked.Increment(ref _dropped);
    }

    [LoggerMessage(LogLevel.Warning, "The access log fell behind: {Dropped} lines dropped")]
    private partial void LogDropped(long dropped);

    private readonly record struct Entry(AccessRecord Record, TaskCompletionSource? Flushed);
}

/// <summary>One request as the access log records it: never the key's secret, the route template rather than the path.</summary>
public readonly record struct AccessRecord(
    DateTimeOffset Time, string Method, string Route, int Status, double DurationMs, string? KeyName, string? KeyId, string TraceId);
