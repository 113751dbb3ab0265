using System.Net;
using System.Net.Sockets;
using System.Text;

namespace StepOrders.Aws.Tests.Standins;

/// <summary>
/// An endpoint of a service speaking AWS JSON 1.0 (Step Functions, DynamoDB) on 127.0.0.1 that records each request
/// and answers with what the test set for its operation (the <c>X-Amz-Target</c> after the service's prefix:
/// <c>AWSStepFunctions.StartExecution</c>, <c>DynamoDB_20120810.GetItem</c>).
/// </summary>
public sealed class AwsJsonStub : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task serving;
    private readonly Dictionary<string, (int Status, string Body)> answers = new(StringComparer.Ordinal);

    public AwsJsonStub()
    {
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Prefixes.Clear();
            }
        }
        serving = ServeAsync();
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");

    public List<RecordedRequest> Requests { get; } = [];

    public void Answer(string operation, string json, int status = 200)
    {
        lock (answers)
        {
            answers[operation] = (status, json);
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await serving;
        }
        catch (ObjectDisposedException)
        {
        }
        catch (HttpListenerException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys
                .Where(k => k is not null)
                .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!, StringComparer.Ordinal);
            var target = headers.GetValueOrDefault("x-amz-target", "");
            var operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
            lock (Requests)
            {
                Requests.Add(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Url.Query, headers, body, operation));
            }
            (int Status, string Body) answer;
            lock (answers)
            {
                answer = answers.TryGetValue(operation, out var set) ? set : (400, """{"__type":"UnknownOperationException"}""");
            }
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/x-amz-json-1.0";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, string Operation);
