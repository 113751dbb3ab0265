using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using StepOrders.Lambda.Events;

namespace StepOrders.Lambda.ApiGateway;

/// <summary>
/// The response side of one exchange, buffered whole (a proxy integration answers with one document). It starts as
/// Kestrel's does: at the first write, flush or completion, running the <c>OnStarting</c> callbacks (last registered
/// first) and freezing the headers; <c>OnCompleted</c> callbacks run after the pipeline finished.
/// </summary>
internal sealed class ProxyResponse : IHttpResponseFeature, IHttpResponseBodyFeature
{
    private readonly MemoryStream _buffer = new();
    private readonly HeaderDictionary _headers = new();
    private readonly Stack<(Func<object, Task> Callback, object State)> _onStarting = new();
    private readonly Stack<(Func<object, Task> Callback, object State)> _onCompleted = new();
    private PipeWriter? _writer;

    public ProxyResponse() => Stream = new StartingStream(this);

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary Headers
    {
        get => _headers;
        set => throw new NotSupportedException("The response headers cannot be replaced.");
    }

    public Stream Body
    {
        get => Stream;
        set => throw new NotSupportedException("Replace the response body through IHttpResponseBodyFeature.");
    }

    public bool HasStarted { get; private set; }

    public Stream Stream { get; }

    public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void OnStarting(Func<object, Task> callback, object state)
    {
        if (HasStarted)
        {
            throw new InvalidOperationException("The response has started.");
        }
        _onStarting.Push((callback, state));
    }

    public void OnCompleted(Func<object, Task> callback, object state) => _onCompleted.Push((callback, state));

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (HasStarted)
        {
            return;
        }
        while (_onStarting.TryPop(out var starting))
        {
            await starting.Callback(starting.State);
        }
        HasStarted = true;
        _headers.IsReadOnly = true;
    }

    public async Task CompleteAsync()
    {
        await StartAsync();
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }
    }

    public void DisableBuffering()
    {
    }

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await StartAsync(cancellationToken);
        await using var file = File.OpenRead(path);
        file.Seek(offset, SeekOrigin.Begin);
        if (count is { } length)
        {
            var chunk = new byte[length];
            await file.ReadExactlyAsync(chunk, cancellationToken);
            await _buffer.WriteAsync(chunk, cancellationToken);
        }
        else
        {
            await file.CopyToAsync(_buffer, cancellationToken);
        }
    }

    public async Task FireOnCompletedAsync()
    {
        while (_onCompleted.TryPop(out var completed))
        {
            await completed.Callback(completed.State);
        }
    }

    /// <summary>What went wrong before anything was sent: a bare 500, as Kestrel answers an unhandled exception.</summary>
    public void Fail()
    {
        if (!HasStarted)
        {
            StatusCode = StatusCodes.Status500InternalServerError;
            _headers.Clear();
            _buffer.SetLength(0);
        }
    }

    public ApiGatewayProxyResponse ToEvent()
    {
        var single = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var multi = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in _headers)
        {
            if (values.Count == 1)
            {
                single[name] = values[0] ?? "";
            }
            else if (values.Count > 1)
            {
                multi[name] = values.Select(value => value ?? "").ToArray();
            }
        }
        var body = _buffer.GetBuffer().AsSpan(0, (int)_buffer.Length);
        var text = body.IsEmpty || IsText(_headers[HeaderNames.ContentType]);
        return new ApiGatewayProxyResponse(
            StatusCode, single, multi, text ? Encoding.UTF8.GetString(body) : Convert.ToBase64String(body), IsBase64Encoded: !text);
    }

    /// <summary>JSON, XML and text go as they are; anything else as base64, which API Gateway decodes for binary media types.</summary>
    private static bool IsText(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.Type.Equals("text", StringComparison.OrdinalIgnoreCase)
            || type.SubTypeWithoutSuffix.Equals("json", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)
            || type.SubTypeWithoutSuffix.Equals("xml", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("xml", StringComparison.OrdinalIgnoreCase));

    /// <summary>The body stream: the first write starts the response, then bytes go to the buffer.</summary>
    private sealed class StartingStream(ProxyResponse response) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            response.StartAsync().GetAwaiter().GetResult();
            response._buffer.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await response.StartAsync(cancellationToken);
            response._buffer.Write(buffer.Span);
        }

        public override void Flush() => response.StartAsync().GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => response.StartAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
