using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Constructs;
using StepOrders.Orders;
using StepOrders.Orders.Telemetry;
using StepOrders.Steps;

namespace StepOrders.Cdk;

/// <summary>One dashboard for the stage: the API, the functions, the queues, the workflow, the orders, and the alarms' states.</summary>
internal sealed class OrderDashboard : Construct
{
    private static readonly Duration Period = Duration.Minutes(1);

    public OrderDashboard(Construct scope, string id, Stage stage, OrderFunctions functions, OrderQueues queues, OrderWorkflow workflow, OrderApi api, OrderAlarms alarms)
        : base(scope, id)
    {
        var rest = api.RestApi;
        var machine = workflow.StateMachine;
        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps
        {
            DashboardName = $"StepOrders-{stage.Name}",
            Widgets =
            [
                [
                    Graph("API requests and errors", rest.MetricCount(Sum()), rest.MetricClientError(Sum()), rest.MetricServerError(Sum())),
                    // API Gateway's latency (what callers wait) beside the pipeline's own (ApiRequestDuration): the gap is the
                    // gateway, the invocation and cold starts.
                    Graph("API latency",
                    [
                        rest.MetricLatency(Stat("p50")),
                        rest.MetricLatency(Stat("p99")),
                        .. functions.Triggered(FunctionTrigger.Api).Keys.Select(name =>
                            OrderAlarms.OrderMetric(stage, OrderMetrics.Names.ApiRequestDuration, name).With(Stat("p99"))),
                    ]),
                    new AlarmStatusWidget(new AlarmStatusWidgetProps { Title = "Alarms", Alarms = alarms.All.ToArray<IAlarm>(), Width = 8 }),
                ],
                [
                    Graph("Function invocations", functions.All.Select(function => function.MetricInvocations(Sum())).ToArray()),
                    Graph("Function errors", functions.All.Select(function => function.MetricErrors(Sum())).ToArray()),
                    Graph("Function duration p99", functions.All.Select(function => function.MetricDuration(Stat("p99"))).ToArray()),
                ],
                [
                    Graph("Order queue",
                        queues.Orders.MetricApproximateNumberOfMessagesVisible(Stat("Maximum")),
                        queues.Orders.MetricApproximateAgeOfOldestMessage(Stat("Maximum"))),
                    Graph("Dead letters", queues.DeadLetters.MetricApproximateNumberOfMessagesVisible(Stat("Maximum"))),
                    Graph("Workflow executions",
                        machine.MetricStarted(Sum()), machine.MetricSucceeded(Sum()), machine.MetricFailed(Sum()), machine.MetricTimedOut(Sum())),
                ],
                [
                    Graph("Orders",
                        OrderAlarms.OrderMetric(stage, OrderMetrics.Names.OrdersCompleted, nameof(CompleteOrder)),
                        OrderAlarms.OrderMetric(stage, OrderMetrics.Names.OrdersFailed, nameof(MarkOrderFailed))),
                ],
            ],
        });
    }

    public Dashboard Dashboard { get; }

    private static MetricOptions Sum() => Stat("Sum");

    private static MetricOptions Stat(string statistic) => new() { Statistic = statistic, Period = Period };

    private static GraphWidget Graph(string title, params IMetric[] metrics) => new(new GraphWidgetProps { Title = title, Left = metrics, Width = 8 });
}
