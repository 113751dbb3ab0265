using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Constructs;
using StepOrders.Aws.Metrics;
using StepOrders.Orders.Telemetry;
using StepOrders.Steps;

namespace StepOrders.Cdk;

/// <summary>
/// The alarms, each notifying one SNS topic when it goes to ALARM and when it is OK again: more than 1% of the orders
/// that reached a final status failed (the EMF metrics the steps write), a function's error rate over 1%, the API's
/// p99 latency over 3 s, more than 1% of the API's answers 5xx (a 500 is a normal return to Lambda, so the function's
/// error rate does not see it), a message in the dead-letter queue, a failed execution. Named business errors (a declined
/// card) are function errors to Lambda and failed executions to Step Functions, so those alarms also count orders
/// that failed as designed. The local host evaluates the same rules in-process, under the same ids
/// (<c>src/Local/Telemetry/Alarms/AlarmRule.cs</c>).
/// </summary>
internal sealed class OrderAlarms : Construct
{
    private static readonly Duration Period = Duration.Minutes(5);

    private readonly List<Alarm> _alarms = [];

    public OrderAlarms(Construct scope, string id, Stage stage, OrderFunctions functions, OrderQueues queues, OrderWorkflow workflow, OrderApi api)
        : base(scope, id)
    {
        Topic = new Topic(this, "Topic", new TopicProps { TopicName = $"{stage.Prefix}-alarms", DisplayName = "StepOrders alarms" });
        Add(new MathExpression(new MathExpressionProps
        {
            Expression = "IF(completed + failed > 0, 100 * failed / (completed + failed), 0)",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["failed"] = OrderMetric(stage, OrderMetrics.Names.OrdersFailed, nameof(MarkOrderFailed)),
                ["completed"] = OrderMetric(stage, OrderMetrics.Names.OrdersCompleted, nameof(CompleteOrder)),
            },
            Label = "Failed orders (% of final orders)",
            Period = Period,
        }), "OrderErrorRate", $"{stage.Prefix}-order-error-rate", "More than 1% of the orders that reached a final status in 5 minutes failed.", threshold: 1);
        foreach (var function in functions.All)
        {
            var name = function.Node.Id;
            Add(new MathExpression(new MathExpressionProps
            {
                Expression = "IF(invocations > 0, 100 * errors / invocations, 0)",
                UsingMetrics = new Dictionary<string, IMetric>
                {
                    ["errors"] = function.MetricErrors(new MetricOptions { Statistic = "Sum", Period = Period }),
                    ["invocations"] = function.MetricInvocations(new MetricOptions { Statistic = "Sum", Period = Period }),
                },
                Label = $"{name} errors (% of invocations)",
                Period = Period,
            }), $"{name}ErrorRate", $"{stage.Prefix}-{name}-error-rate", $"More than 1% of {name}'s invocations failed in 5 minutes.", threshold: 1);
        }
        Add(api.RestApi.MetricLatency(new MetricOptions { Statistic = "p99", Period = Period }),
            "ApiLatencyP99", $"{stage.Prefix}-api-latency-p99", "The API's p99 latency was over 3 s in 5 minutes.", threshold: 3000);
        Add(new MathExpression(new MathExpressionProps
        {
            Expression = "IF(requests > 0, 100 * errors / requests, 0)",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["errors"] = api.RestApi.MetricServerError(new MetricOptions { Statistic = "Sum", Period = Period }),
                ["requests"] = api.RestApi.MetricCount(new MetricOptions { Statistic = "Sum", Period = Period }),
            },
            Label = "API 5xx (% of requests)",
            Period = Period,
        }), "ApiServerErrorRate", $"{stage.Prefix}-api-5xx-rate", "More than 1% of the API's requests were answered with a 5xx in 5 minutes.", threshold: 1);
        Add(queues.DeadLetters.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Statistic = "Maximum", Period = Duration.Minutes(1) }),
            "DeadLettersNotEmpty", $"{stage.Prefix}-dead-letters", "Order messages are in the dead-letter queue: list and redrive them (docs/deploy-aws.md).", threshold: 0);
        Add(workflow.StateMachine.MetricFailed(new MetricOptions { Statistic = "Sum", Period = Period }),
            "ExecutionsFailed", $"{stage.Prefix}-executions-failed", "Order workflow executions failed in 5 minutes.", threshold: 0);
    }

    public Topic Topic { get; }

    public IReadOnlyList<Alarm> All => _alarms;

    /// <summary>
    /// A metric the function writes as Embedded Metric Format (namespace StepOrders, dimensions Service, Stage and
    /// Function), this stage's only: the other stage's functions write the same names under their own Stage.
    /// </summary>
    public static Metric OrderMetric(Stage stage, string instrument, string function) => new(new MetricProps
    {
        Namespace = EmbeddedMetricRecorder.Namespace,
        MetricName = EmbeddedMetricRecorder.CloudWatchName(instrument),
        DimensionsMap = EmbeddedMetricRecorder.Dimensions(stage.Name, function).ToDictionary(),
        Statistic = "Sum",
        Period = Period,
    });

    private void Add(IMetric metric, string id, string name, string description, double threshold)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = name,
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(new SnsAction(Topic));
        alarm.AddOkAction(new SnsAction(Topic));
        _alarms.Add(alarm);
    }
}
