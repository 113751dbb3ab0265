using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Scheduler;
using Constructs;
using StepOrders.Lambda;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace StepOrders.Cdk;

/// <summary>
/// One Lambda function per declared function, all running the same Native AOT bootstrap with the function's name as
/// its handler. Each has its own role holding only its log group, X-Ray, and the AWS actions of the ports its code
/// takes (<see cref="FunctionPorts"/>); and the environment variables that say where those resources are and which
/// stage its metrics belong to.
/// </summary>
internal sealed class OrderFunctions : Construct
{
    /// <summary>How often the scheduled functions run; the reconciler waits two minutes before it calls an order stranded.</summary>
    public static readonly Duration ScheduleRate = Duration.Minutes(5);

    private readonly Dictionary<string, (DeclaredFunction Declared, LambdaFunction Function)> _functions = new(StringComparer.Ordinal);

    public OrderFunctions(Construct scope, string id, StackSettings settings, OrderTables tables, OrderQueues queues)
        : base(scope, id)
    {
        var code = Code.FromAsset(settings.LambdaCode);
        foreach (var declared in settings.Functions)
        {
            var function = Create(declared, code, settings.Stage);
            GrantStorage(FunctionPorts.Of(declared.Type), function, tables, queues);
            if (declared.Trigger == FunctionTrigger.Api)
            {
                // API Gateway checks the keys; the API reads whom a key speaks for (DynamoDbApiKeyStore).
                function.AddEnvironment(LambdaEnvironment.ApiKeysTable, tables.ApiKeys.TableName);
                Allow(function, ["dynamodb:GetItem"], tables.ApiKeys.TableArn);
            }
            _functions[declared.Name] = (declared, function);
            switch (declared.Trigger)
            {
                case FunctionTrigger.Queue:
                    function.AddEventSource(new SqsEventSource(queues.Orders, new SqsEventSourceProps { BatchSize = 10, ReportBatchItemFailures = true }));
                    break;
                case FunctionTrigger.Schedule:
                    Schedule(declared.Name, function, settings.Stage);
                    break;
            }
        }
    }

    public IReadOnlyList<LambdaFunction> All => _functions.Values.Select(entry => entry.Function).ToList();

    public LambdaFunction this[string name] => _functions[name].Function;

    /// <summary>The functions of one trigger, by declared name.</summary>
    public IReadOnlyDictionary<string, LambdaFunction> Triggered(FunctionTrigger trigger) =>
        _functions.Values.Where(entry => entry.Declared.Trigger == trigger).ToDictionary(entry => entry.Declared.Name, entry => entry.Function);

    /// <summary>Gives the functions whose code starts, describes or redrives executions access to the order workflow.</summary>
    public void GrantWorkflow(OrderWorkflow workflow)
    {
        foreach (var (declared, function) in _functions.Values)
        {
            if (!FunctionPorts.Of(declared.Type).Contains(typeof(IOrderWorkflow)))
            {
                continue;
            }
            function.AddEnvironment(LambdaEnvironment.StateMachineArn, workflow.StateMachine.StateMachineArn);
            Allow(function, ["states:StartExecution"], workflow.StateMachine.StateMachineArn);
            Allow(function, ["states:DescribeExecution", "states:RedriveExecution"], workflow.ExecutionArns);
        }
    }

    private LambdaFunction Create(DeclaredFunction declared, Code code, Stage stage)
    {
        var name = $"{stage.Prefix}-{declared.Name}";
        var logs = new LogGroup(this, declared.Name + "Logs", new LogGroupProps
        {
            LogGroupName = $"/aws/lambda/{name}",
            Retention = stage.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var role = new Role(this, declared.Name + "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"{declared.Name}: its log group, X-Ray, and the resources of the ports its code uses.",
        });
        Allow(role, ["logs:CreateLogStream", "logs:PutLogEvents"], logs.LogGroupArn);
        return new LambdaFunction(this, declared.Name, new FunctionProps
        {
            FunctionName = name,
            Description = $"StepOrders {declared.Name} ({declared.Trigger}-triggered)",
            Runtime = Runtime.PROVIDED_AL2023,
            // The bootstrap is published for linux-x64 (dotnet publish -r linux-x64).
            Architecture = Architecture.X86_64,
            Handler = declared.Name,
            Code = code,
            MemorySize = declared.Declaration.MemoryMb,
            Timeout = Duration.Seconds(declared.Declaration.TimeoutSeconds),
            Role = role,
            LogGroup = logs,
            Tracing = Tracing.ACTIVE,
            // The Stage dimension of the function's EMF metrics, which this stage's alarms and dashboard select on.
            Environment = new Dictionary<string, string> { [LambdaEnvironment.Stage] = stage.Name },
        });
    }

    /// <summary>
    /// The DynamoDB and SQS actions each port's adapter in src/Aws calls, on the tables and queues it calls them on,
    /// merged into one statement per resource.
    /// </summary>
    private static void GrantStorage(IEnumerable<Type> ports, LambdaFunction function, OrderTables tables, OrderQueues queues)
    {
        var access = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Use(string resource, params string[] actions)
        {
            if (!access.TryGetValue(resource, out var granted))
            {
                access[resource] = granted = new SortedSet<string>(StringComparer.Ordinal);
            }
            granted.UnionWith(actions);
        }

        var orders = tables.Orders.TableArn;
        foreach (var port in ports)
        {
            if (port == typeof(IOrderStore))
            {
                UseTables(function, tables, orders: true);
                Use(orders, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query");
                Use(orders + "/index/*", "dynamodb:Query");
            }
            else if (port == typeof(IInventory))
            {
                UseTables(function, tables, orders: true, inventory: true);
                Use(tables.Inventory.TableArn, "dynamodb:GetItem", "dynamodb:UpdateItem");
                Use(orders, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem");
            }
            else if (port == typeof(IPaymentGateway))
            {
                UseTables(function, tables, orders: true);
                Use(orders, "dynamodb:GetItem", "dynamodb:UpdateItem");
            }
            else if (port == typeof(IOrderIntake))
            {
                UseTables(function, tables, orders: true, idempotency: true);
                UseQueues(function, queues);
                Use(orders, "dynamodb:GetItem", "dynamodb:PutItem");
                Use(tables.Idempotency.TableArn, "dynamodb:GetItem", "dynamodb:PutItem");
                Use(queues.Orders.QueueArn, "sqs:SendMessage");
            }
            else if (port == typeof(IOrderQueue))
            {
                UseQueues(function, queues);
                Use(queues.Orders.QueueArn, "sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
                Use(queues.DeadLetters.QueueArn, "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility");
            }
            else if (port != typeof(IOrderWorkflow))
            {
                throw new NotSupportedException($"No AWS access is defined for the port {port.Name}: add it to {nameof(OrderFunctions)}.");
            }
        }
        foreach (var (resource, actions) in access)
        {
            Allow(function, actions.ToArray(), resource);
        }
    }

    private static void UseTables(LambdaFunction function, OrderTables tables, bool orders = false, bool inventory = false, bool idempotency = false)
    {
        if (orders)
        {
            function.AddEnvironment(LambdaEnvironment.OrdersTable, tables.Orders.TableName);
        }
        if (inventory)
        {
            function.AddEnvironment(LambdaEnvironment.InventoryTable, tables.Inventory.TableName);
        }
        if (idempotency)
        {
            function.AddEnvironment(LambdaEnvironment.IdempotencyTable, tables.Idempotency.TableName);
        }
    }

    private static void UseQueues(LambdaFunction function, OrderQueues queues)
    {
        function.AddEnvironment(LambdaEnvironment.QueueUrl, queues.Orders.QueueUrl);
        function.AddEnvironment(LambdaEnvironment.DeadLetterQueueUrl, queues.DeadLetters.QueueUrl);
        function.AddEnvironment(LambdaEnvironment.MaxReceiveCount, OrderQueues.MaxReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Allow(IGrantable grantee, string[] actions, params string[] resources) =>
        grantee.GrantPrincipal.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = actions,
            Resources = resources,
        }));

    /// <summary>An EventBridge Scheduler schedule that invokes the function, with a role that may invoke only it.</summary>
    private void Schedule(string name, LambdaFunction function, Stage stage)
    {
        var role = new Role(this, name + "ScheduleRole", new RoleProps { AssumedBy = new ServicePrincipal("scheduler.amazonaws.com") });
        Allow(role, ["lambda:InvokeFunction"], function.FunctionArn);
        _ = new CfnSchedule(this, name + "Schedule", new CfnScheduleProps
        {
            Name = $"{stage.Prefix}-{name}",
            ScheduleExpression = $"rate({ScheduleRate.ToMinutes()} minutes)",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            Target = new CfnSchedule.TargetProperty { Arn = function.FunctionArn, RoleArn = role.RoleArn },
        });
    }
}
