using System.Text.Json.Nodes;
using StepOrders.Lambda;
using StepOrders.Orders;

namespace StepOrders.Cdk.Tests;

[Collection(SynthesizedStacksCollection.Name)]
public sealed class OrderFunctionsTests(SynthesizedStacks stacks)
{
    public static TheoryData<string> DeclaredFunctions() => new(StackSettings.DeclaredFunctions().Select(function => function.Name));

    /// <summary>
    /// What each function's role may do beyond writing its own log group and X-Ray traces, as "resource: actions".
    /// It follows from the ports each function's constructor takes and the calls the adapters of src/Aws make.
    /// </summary>
    public static TheoryData<string, string[]> PolicyOfEachFunction() => new()
    {
        { "ValidateOrder", OrderStore },
        { "PrepareFulfillment", OrderStore },
        { "CompleteOrder", OrderStoreAndInventory },
        { "ProcessPayment", OrderStore },
        { "CheckInventory", OrderStoreAndInventory },
        { "MarkOrderFailed", OrderStoreAndInventory },
        { "AwaitRedrive", OrderStore },
        {
            "StartOrderWorkflow",
            [
                "Executions: states:DescribeExecution states:RedriveExecution",
                "Queue: sqs:ChangeMessageVisibility sqs:DeleteMessage sqs:GetQueueAttributes sqs:GetQueueUrl sqs:ReceiveMessage",
                "StateMachine: states:StartExecution",
            ]
        },
        {
            "ReconcilePendingOrders",
            [
                "DeadLetters: sqs:ChangeMessageVisibility sqs:DeleteMessage sqs:ReceiveMessage",
                "Executions: states:DescribeExecution states:RedriveExecution",
                .. OrderStore,
                "Queue: sqs:ChangeMessageVisibility sqs:DeleteMessage sqs:ReceiveMessage sqs:SendMessage",
                "StateMachine: states:StartExecution",
            ]
        },
        {
            "Api",
            [
                "ApiKeys: dynamodb:GetItem",
                "DeadLetters: sqs:ChangeMessageVisibility sqs:DeleteMessage sqs:ReceiveMessage",
                "Executions: states:DescribeExecution states:RedriveExecution",
                "Idempotency: dynamodb:GetItem dynamodb:PutItem",
                .. OrderStoreAndInventory,
                "Queue: sqs:ChangeMessageVisibility sqs:DeleteMessage sqs:ReceiveMessage sqs:SendMessage",
                "StateMachine: states:StartExecution",
            ]
        },
    };

    private static readonly string[] OrderStore =
    [
        "Orders: dynamodb:GetItem dynamodb:PutItem dynamodb:Query dynamodb:UpdateItem",
        "Orders/index/*: dynamodb:Query",
    ];

    private static readonly string[] OrderStoreAndInventory =
    [
        "Inventory: dynamodb:GetItem dynamodb:UpdateItem",
        "Orders: dynamodb:DeleteItem dynamodb:GetItem dynamodb:PutItem dynamodb:Query dynamodb:UpdateItem",
        "Orders/index/*: dynamodb:Query",
    ];

    [Theory]
    [MemberData(nameof(DeclaredFunctions))]
    public void Each_declared_function_is_a_Lambda_running_the_bootstrap_with_its_name_as_handler(string name)
    {
        var declaration = StackSettings.DeclaredFunctions().Single(function => function.Name == name).Declaration;

        stacks.Dev.Template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["FunctionName"] = $"steporders-dev-{name}",
            ["Handler"] = name,
            ["Runtime"] = "provided.al2023",
            ["Architectures"] = new[] { "x86_64" },
            ["MemorySize"] = declaration.MemoryMb,
            ["Timeout"] = declaration.TimeoutSeconds,
            ["TracingConfig"] = new Dictionary<string, object> { ["Mode"] = "Active" },
        });
    }

    [Fact]
    public void Every_declared_function_and_no_other_is_a_Lambda()
    {
        var handlers = stacks.Dev.Resources("AWS::Lambda::Function").Values.Select(function => (string)function["Properties"]!["Handler"]!);

        Assert.Equal(StackSettings.DeclaredFunctions().Select(function => function.Name).Order(), handlers.Order());
    }

    [Theory]
    [InlineData("dev", 14)]
    [InlineData("prod", 90)]
    public void Each_function_logs_to_its_own_log_group_kept_for_the_stage_s_retention(string stage, int days)
    {
        var stack = stage == "dev" ? stacks.Dev : stacks.Prod;
        foreach (var function in StackSettings.DeclaredFunctions())
        {
            var logGroup = stack.Single("AWS::Logs::LogGroup", group => (string?)group["Properties"]!["LogGroupName"] == $"/aws/lambda/steporders-{stage}-{function.Name}");
            Assert.Equal(days, (int)logGroup["Properties"]!["RetentionInDays"]!);
            var config = stack.Function(function.Name)["Properties"]!["LoggingConfig"]!;
            Assert.Equal(stack.LogicalId(logGroup), (string?)config["LogGroup"]!["Ref"]);
        }
    }

    [Theory]
    [MemberData(nameof(PolicyOfEachFunction))]
    public void Each_function_s_role_allows_only_what_its_code_uses(string name, string[] expected)
    {
        var stack = stacks.Dev;
        var role = stack.Function(name)["Properties"]!["Role"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        var policy = stack.Single("AWS::IAM::Policy", policy => policy["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == role));

        var granted = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var statement in policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
        {
            Assert.Equal("Allow", (string?)statement!["Effect"]);
            foreach (var resource in Many(statement["Resource"]!).Select(resource => Describe(stack, resource)))
            {
                if (!granted.TryGetValue(resource, out var actions))
                {
                    granted[resource] = actions = new SortedSet<string>(StringComparer.Ordinal);
                }
                actions.UnionWith(Many(statement["Action"]!).Select(action => action.GetValue<string>()));
            }
        }

        Assert.Equal("logs:CreateLogStream logs:PutLogEvents", string.Join(' ', granted[$"{name}Logs"]));
        Assert.Equal("xray:PutTelemetryRecords xray:PutTraceSegments", string.Join(' ', granted["*"]));
        granted.Remove($"{name}Logs");
        granted.Remove("*");
        Assert.Equal(expected, granted.Select(entry => $"{entry.Key}: {string.Join(' ', entry.Value)}"));
    }

    [Fact]
    public void Each_function_gets_the_environment_of_the_ports_it_uses_only()
    {
        var validate = Variables(stacks.Dev.Function("ValidateOrder"));
        var inventory = Variables(stacks.Dev.Function("CheckInventory"));
        var starter = Variables(stacks.Dev.Function("StartOrderWorkflow"));
        var api = Variables(stacks.Dev.Function("Api"));

        Assert.Equal(["STEPORDERS_ORDERS_TABLE", "STEPORDERS_STAGE"], validate);
        Assert.Equal(["STEPORDERS_INVENTORY_TABLE", "STEPORDERS_ORDERS_TABLE", "STEPORDERS_STAGE"], inventory);
        Assert.Equal(["STEPORDERS_STAGE", "STEPORDERS_STATE_MACHINE_ARN"], starter);
        Assert.Equal(
            [
                "STEPORDERS_API_KEYS_TABLE", "STEPORDERS_DEAD_LETTER_QUEUE_URL", "STEPORDERS_IDEMPOTENCY_TABLE", "STEPORDERS_INVENTORY_TABLE",
                "STEPORDERS_MAX_RECEIVE_COUNT", "STEPORDERS_ORDERS_TABLE", "STEPORDERS_QUEUE_URL", "STEPORDERS_STAGE", "STEPORDERS_STATE_MACHINE_ARN",
            ],
            api);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void Every_function_is_told_its_stage_for_the_Stage_dimension_of_its_metrics(string stage)
    {
        var stack = stage == "dev" ? stacks.Dev : stacks.Prod;
        foreach (var function in StackSettings.DeclaredFunctions())
        {
            Assert.Equal(stage, (string?)stack.Function(function.Name)["Properties"]!["Environment"]!["Variables"]![LambdaEnvironment.Stage]);
        }
    }

    [Fact]
    public void The_starter_takes_batches_from_the_order_queue_and_reports_partial_batch_failures()
    {
        var starter = stacks.Dev.LogicalId(stacks.Dev.Function("StartOrderWorkflow"));
        var queue = stacks.Dev.LogicalId(stacks.Dev.Single("AWS::SQS::Queue", q => (string?)q["Properties"]!["QueueName"] == "steporders-dev-orders"));

        var mapping = stacks.Dev.Single("AWS::Lambda::EventSourceMapping", _ => true)["Properties"]!;

        Assert.Equal(starter, (string?)mapping["FunctionName"]!["Ref"]);
        Assert.Equal(queue, (string?)mapping["EventSourceArn"]!["Fn::GetAtt"]![0]);
        Assert.Equal(10, (int)mapping["BatchSize"]!);
        Assert.Equal(["ReportBatchItemFailures"], mapping["FunctionResponseTypes"]!.AsArray().Select(t => (string)t!));
    }

    [Fact]
    public void Scheduled_functions_are_invoked_by_EventBridge_Scheduler_with_a_role_that_may_invoke_only_them()
    {
        var reconciler = stacks.Dev.LogicalId(stacks.Dev.Function("ReconcilePendingOrders"));

        var schedule = stacks.Dev.Single("AWS::Scheduler::Schedule", _ => true)["Properties"]!;
        var role = schedule["Target"]!["RoleArn"]!["Fn::GetAtt"]![0]!.GetValue<string>();
        var policy = stacks.Dev.Single("AWS::IAM::Policy", p => p["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == role));

        Assert.Equal("rate(5 minutes)", (string?)schedule["ScheduleExpression"]);
        Assert.Equal(reconciler, (string?)schedule["Target"]!["Arn"]!["Fn::GetAtt"]![0]);
        var statement = Assert.Single(policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("lambda:InvokeFunction", (string?)statement["Action"]);
        Assert.Equal(reconciler, (string?)statement["Resource"]!["Fn::GetAtt"]![0]);
    }

    private static string[] Variables(JsonNode function) =>
        function["Properties"]!["Environment"]!["Variables"]!.AsObject().Select(variable => variable.Key).Order(StringComparer.Ordinal).ToArray();

    private static IEnumerable<JsonNode> Many(JsonNode node) => node is JsonArray array ? array.Select(item => item!) : [node];

    /// <summary>A statement's resource by what it is: "Orders", "Orders/index/*", "Queue", "Executions", "ValidateOrderLogs", "*".</summary>
    private static string Describe(SynthesizedStack stack, JsonNode resource)
    {
        if (resource is JsonValue value)
        {
            return value.GetValue<string>();
        }
        if (resource["Fn::GetAtt"] is { } getAtt)
        {
            return Named(getAtt[0]!.GetValue<string>());
        }
        if (resource["Ref"] is { } reference)
        {
            return Named(reference.GetValue<string>());
        }
        var parts = resource["Fn::Join"]![1]!.AsArray().Select(part => part is JsonValue text ? text.GetValue<string>() : Describe(stack, part!));
        var joined = string.Concat(parts);
        return joined.Contains(":execution:steporders-dev-orders:*", StringComparison.Ordinal) ? "Executions" : joined;
    }

    private static string Named(string logicalId) => logicalId switch
    {
        _ when logicalId.StartsWith("TablesOrders", StringComparison.Ordinal) => "Orders",
        _ when logicalId.StartsWith("TablesInventory", StringComparison.Ordinal) => "Inventory",
        _ when logicalId.StartsWith("TablesIdempotency", StringComparison.Ordinal) => "Idempotency",
        _ when logicalId.StartsWith("TablesApiKeys", StringComparison.Ordinal) => "ApiKeys",
        _ when logicalId.StartsWith("QueuesOrders", StringComparison.Ordinal) => "Queue",
        _ when logicalId.StartsWith("QueuesDeadLetters", StringComparison.Ordinal) => "DeadLetters",
        _ when logicalId.StartsWith("WorkflowStateMachine", StringComparison.Ordinal) => "StateMachine",
        _ when logicalId.StartsWith("Functions", StringComparison.Ordinal) && logicalId.Contains("Logs", StringComparison.Ordinal) =>
            logicalId["Functions".Length..logicalId.IndexOf("Logs", StringComparison.Ordinal)] + "Logs",
        _ => logicalId,
    };
}
