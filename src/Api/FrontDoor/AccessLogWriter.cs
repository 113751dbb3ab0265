using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StepOrders.Api.FrontDoor;

/// <summary>
/// Writes the access log as JSON lines to its own file, as API Gateway sends access logs to a log group of their own:
/// a request only queues its record (no lock); one background loop formats and writes them every 50 ms. Once the file
/// reaches <see cref="AccessLogRotation.MaxFileBytes"/> the loop rotates it between two batches (see
/// <see cref="AccessLogRotation"/>): the file is complete and closed before it is renamed, and what requests queue
/// meanwhile waits in the queue for the new one, so rotation loses no record and holds up no request.
/// If the disk cannot keep up, records past <see cref="Capacity"/> queued are dropped and counted, never waited for.
/// </summary>
public sealed partial class AccessLogWriter : BackgroundService
{
    public const int Capacity = 65_536;
    public static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(50);

    private readonly ILogger _logger;

    // A queue without a lock, so requests never wait on one another to log; the loop writes what it holds every
    // BatchInterval (or at once for a flush), so no request pays for waking it.
    private readonly ConcurrentQueue<Entry> _entries = new();
    // Never disposed: requests finishing during shutdown may still wake it, and it holds no handle until asked for one.
    private readonly SemaphoreSlim _wake = new(0);
    private int _queued;
    private int _awake;
    private long _dropped;
    private volatile bool _stopping;
    private volatile bool _stopped;

    public AccessLogWriter(string path, AccessLogRotation rotation, ILogger<AccessLogWriter> logger)
    {
        Path = path;
        Rotation = rotation;
        _logger = logger;
    }

    public string Path { get; }

    public AccessLogRotation Rotation { get; }

    public void Write(in AccessRecord record)
    {
        if (Interlocked.Increment(ref _queued) > Capacity)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
            return;
        }
        _entries.Enqueue(new Entry(record, null));
    }

    /// <summary>Completes once every record queued before the call is in the file.</summary>
    public Task FlushAsync()
    {
        if (_stopped)
        {
            return Task.CompletedTask;
        }
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _entries.Enqueue(new Entry(default, flushed));
        Wake();
        return flushed.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _wake.Release();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = Open();
        var json = new Utf8JsonWriter(file);
        List<TaskCompletionSource> flushed = [];
        var rotateAt = Rotation.MaxFileBytes;
        try
        {
            // Not stoppingToken: the loop ends when StopAsync asks, after writing what is queued.
            while (!_stopping || !_entries.IsEmpty)
            {
                await _wake.WaitAsync(BatchInterval, CancellationToken.None);
                Volatile.Write(ref _awake, 0);
                while (_entries.TryDequeue(out var entry))
                {
                    if (entry.Flushed is not null)
                    {
                        flushed.Add(entry.Flushed);
                        continue;
                    }
                    Interlocked.Decrement(ref _queued);
                    Format(json, entry.Record);
                    json.Flush();
                    file.WriteByte((byte)'\n');
                    json.Reset();
                }
                await file.FlushAsync(CancellationToken.None);
                if (file.Length >= rotateAt)
                {
                    var length = file.Length;
                    await json.DisposeAsync();
                    await file.DisposeAsync();
                    // After a failure, the next try once the file has grown by as much again (not every batch).
                    rotateAt = Rotate() ? Rotation.MaxFileBytes : length + Rotation.MaxFileBytes;
                    file = Open();
                    json = new Utf8JsonWriter(file);
                }
                flushed.ForEach(waiter => waiter.TrySetResult());
                flushed.Clear();
                if (Interlocked.Exchange(ref _dropped, 0) is > 0 and var dropped)
                {
                    LogDropped(dropped);
                }
            }
        }
        finally
        {
            _stopped = true;
            await json.DisposeAsync();
            await file.DisposeAsync();
            while (_entries.TryDequeue(out var entry))
            {
                entry.Flushed?.TrySetResult();
            }
        }
    }

    private void Wake()
    {
        if (Interlocked.Exchange(ref _awake, 1) == 0)
        {
            _wake.Release();
        }
    }

    /// <summary>Shifts <c>.1</c> … to <c>.2</c> …, the oldest falling off, and the file to <c>.1</c>.</summary>
    private bool Rotate()
    {
        try
        {
            for (var older = Rotation.Files - 1; older >= 1; older--)
            {
                var from = older == 1 ? Path : AccessLogRotation.PathOf(Path, older - 1);
                if (File.Exists(from))
                {
                    File.Move(from, AccessLogRotation.PathOf(Path, older), overwrite: true);
                }
            }
            if (Rotation.Files == 1)
            {
                File.Delete(Path);
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogRotationFailed(e, Path);
            return false;
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

    [LoggerMessage(LogLevel.Warning, "Could not rotate the access log {Path}; it goes on growing, and is tried again once it has grown as much again")]
    private partial void LogRotationFailed(Exception exception, string path);

    [LoggerMessage(LogLevel.Warning, "The access log fell behind: {Dropped} lines dropped")]
    private partial void LogDropped(long dropped);

    private readonly record struct Entry(AccessRecord Record, TaskCompletionSource? Flushed);
}

/// <summary>One request as the access log records it: never the key's secret, the route template rather than the path.</summary>
public readonly record struct AccessRecord(
    DateTimeOffset Time, string Method, string Route, int Status, double DurationMs, string? KeyName, string? KeyId, string TraceId);
