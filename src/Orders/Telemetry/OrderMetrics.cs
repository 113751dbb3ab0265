using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StepOrders.Orders.Telemetry;

/// <summary>
/// StepOrders' instruments, all on one Meter named <see cref="MeterName"/>. It lives in the domain project because
/// every project that records (Api, Steps, Chat and both hosts) already references it, and it needs only the BCL's
/// System.Diagnostics.Metrics, so no dependency points outward. What listens is the host's choice: Prometheus text
/// and the alarms on one machine, Embedded Metric Format lines on Lambda, OTLP when configured.
/// Recording allocates nothing: tags are static pairs or a <see cref="TagList"/> on the stack, and an instrument
/// nobody listens to returns at once.
/// </summary>
public sealed class OrderMetrics : IDisposable
{
    public const string MeterName = "StepOrders";

    /// <summary>
    /// Seconds; the same buckets for every histogram. 3 s is a bound because the latency alarm asks whether more than
    /// 1% of requests took longer than that.
    /// </summary>
    public static readonly IReadOnlyList<double> BucketBounds =
        [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 3, 5, 10, 30, 60, 120, 300];

    private static readonly KeyValuePair<string, object?> CompletedStatus = new(Tags.Status, "COMPLETED");
    private static readonly KeyValuePair<string, object?> FailedStatus = new(Tags.Status, "FAILED");
    private static readonly KeyValuePair<string, object?> Succeeded = new(Tags.Outcome, "succeeded");
    private static readonly KeyValuePair<string, object?> Failed = new(Tags.Outcome, "failed");

    // Boxed once, so tagging a request with its status code allocates nothing.
    private static readonly object[] StatusCodes = [.. Enumerable.Range(0, 600).Select(code => (object)code)];

    private readonly bool _ownsMeter;
    private readonly Counter<long> _ordersReceived;
    private readonly Counter<long> _ordersCompleted;
    private readonly Counter<long> _ordersFailed;
    private readonly Histogram<double> _orderDuration;
    private readonly Histogram<double> _stepDuration;
    private readonly Counter<long> _executionsStarted;
    private readonly Counter<long> _executionsClosed;
    private readonly Counter<long> _executionsRedriven;
    private readonly Histogram<double> _apiRequestDuration;
    private readonly Counter<long> _chatRequests;
    private readonly Histogram<double> _modelDuration;
    private Func<QueueStatistics>? _queue;
    private Func<long>? _runningExecutions;

    /// <param name="meterFactory">The host's factory (one Meter per container, so two hosts in one process keep apart), or null for a Meter of its own.</param>
    public OrderMetrics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        var seconds = new InstrumentAdvice<double> { HistogramBucketBoundaries = BucketBounds };

        _ordersReceived = Meter.CreateCounter<long>(Names.OrdersReceived, "{order}", "Orders accepted by POST /orders.");
        _ordersCompleted = Meter.CreateCounter<long>(Names.OrdersCompleted, "{order}", "Orders that reached COMPLETED.");
        _ordersFailed = Meter.CreateCounter<long>(Names.OrdersFailed, "{order}", "Orders that reached FAILED, by step and error.");
        _orderDuration = Meter.CreateHistogram(Names.OrderDuration, "s", "From accepted to final status (COMPLETED or FAILED).", advice: seconds);
        _stepDuration = Meter.CreateHistogram(Names.StepDuration, "s", "One run of a workflow step (a Task state), by state and outcome.", advice: seconds);
        _executionsStarted = Meter.CreateCounter<long>(Names.ExecutionsStarted, "{execution}", "Workflow executions started by the queue-triggered starter.");
        _executionsClosed = Meter.CreateCounter<long>(Names.ExecutionsClosed, "{execution}", "Workflow executions closed, by status (SUCCEEDED, FAILED, TIMED_OUT, ABORTED).");
        _executionsRedriven = Meter.CreateCounter<long>(Names.ExecutionsRedriven, "{execution}", "Workflow executions redriven by an admin.");
        _apiRequestDuration = Meter.CreateHistogram(Names.ApiRequestDuration, "s", "API requests by method, route and status code.", advice: seconds);
        _chatRequests = Meter.CreateCounter<long>(Names.ChatRequests, "{request}", "Chatbot answers, by source (model or template).");
        _modelDuration = Meter.CreateHistogram(Names.ChatModelDuration, "s", "Calls to the chatbot's model, by outcome.", advice: seconds);

        Meter.CreateObservableGauge(Names.QueueDepth, () => ObserveQueue(static queue => queue.Depth), "{message}", "Messages in the order queue, visible or in flight.");
        Meter.CreateObservableGauge(Names.QueueOldestAge, () => ObserveQueue(static queue => queue.OldestAge.TotalSeconds), "s", "Age of the oldest message in the order queue.");
        Meter.CreateObservableGauge(Names.DeadLetters, () => ObserveQueue(static queue => queue.DeadLetters), "{message}", "Messages in the dead-letter queue.");
        Meter.CreateObservableGauge(Names.ExecutionsRunning, ObserveRunningExecutions, "{execution}", "Workflow executions running now.");
    }

    public Meter Meter { get; }

    /// <summary>Where the queue gauges read from; a host without its own queue (Lambda: SQS has its metrics) sets none.</summary>
    public void ObserveQueue(Func<QueueStatistics> read) => Volatile.Write(ref _queue, read);

    /// <summary>Where the running-executions gauge reads from (the embedded runtime; Step Functions has its metrics on AWS).</summary>
    public void ObserveRunningExecutions(Func<long> read) => Volatile.Write(ref _runningExecutions, read);

    public void OrderReceived() => _ordersReceived.Add(1);

    public void OrderCompleted(TimeSpan sinceAccepted)
    {
        _ordersCompleted.Add(1);
        _orderDuration.Record(sinceAccepted.TotalSeconds, CompletedStatus);
    }

    public void OrderFailed(string step, string error, TimeSpan sinceAccepted)
    {
        _ordersFailed.Add(1, new KeyValuePair<string, object?>(Tags.Step, step), new KeyValuePair<string, object?>(Tags.Error, error));
        _orderDuration.Record(sinceAccepted.TotalSeconds, FailedStatus);
    }

    public void StepFinished(string state, bool succeeded, TimeSpan duration) =>
        _stepDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(Tags.State, state), succeeded ? Succeeded : Failed);

    public void ExecutionStarted() => _executionsStarted.Add(1);

    public void ExecutionClosed(string status) => _executionsClosed.Add(1, new KeyValuePair<string, object?>(Tags.Status, status));

    public void ExecutionRedriven() => _executionsRedriven.Add(1);

    public void ApiRequest(string method, string route, int statusCode, TimeSpan duration)
    {
        var tags = new TagList
        {
            { Tags.Method, method },
            { Tags.Route, route },
            { Tags.StatusCode, (uint)statusCode < StatusCodes.Length ? StatusCodes[statusCode] : statusCode },
        };
        _apiRequestDuration.Record(duration.TotalSeconds, tags);
    }

    /// <param name="source"><c>model</c> or <c>template</c>.</param>
    public void ChatAnswered(string source) => _chatRequests.Add(1, new KeyValuePair<string, object?>(Tags.Source, source));

    public void ModelCalled(bool succeeded, TimeSpan duration) => _modelDuration.Record(duration.TotalSeconds, succeeded ? Succeeded : Failed);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }

    private IEnumerable<Measurement<T>> ObserveQueue<T>(Func<QueueStatistics, T> value)
        where T : struct =>
        Volatile.Read(ref _queue) is { } read ? [new Measurement<T>(value(read()))] : [];

    private IEnumerable<Measurement<long>> ObserveRunningExecutions() =>
        Volatile.Read(ref _runningExecutions) is { } read ? [new Measurement<long>(read())] : [];

    /// <summary>The instruments' names, as OpenTelemetry writes them; Prometheus text turns dots into underscores.</summary>
    public static class Names
    {
        public const string OrdersReceived = "steporders.orders.received";
        public const string OrdersCompleted = "steporders.orders.completed";
        public const string OrdersFailed = "steporders.orders.failed";
        public const string OrderDuration = "steporders.order.duration";
        public const string StepDuration = "steporders.step.duration";
        public const string QueueDepth = "steporders.queue.depth";
        public const string QueueOldestAge = "steporders.queue.oldest_age";
        public const string DeadLetters = "steporders.queue.dead_letters";
        public const string ExecutionsStarted = "steporders.executions.started";
        public const string ExecutionsClosed = "steporders.executions.closed";
        public const string ExecutionsRedriven = "steporders.executions.redriven";
        public const string ExecutionsRunning = "steporders.executions.running";
        public const string ApiRequestDuration = "steporders.api.request.duration";
        public const string ChatRequests = "steporders.chat.requests";
        public const string ChatModelDuration = "steporders.chat.model.duration";
    }

    /// <summary>The tags' names.</summary>
    public static class Tags
    {
        public const string Step = "step";
        public const string Error = "error";
        public const string State = "state";
        public const string Outcome = "outcome";
        public const string Status = "status";
        public const string Method = "method";
        public const string Route = "route";
        public const string StatusCode = "code";
        public const string Source = "source";
    }
}
