using Microsoft.Extensions.DependencyInjection.Extensions;
using StepOrders.Api;
using StepOrders.Api.Access;
using StepOrders.Api.FrontDoor;
using StepOrders.Api.OpenApi;
using StepOrders.Api.UsagePlans;
using StepOrders.Chat;
using StepOrders.Local.Access;
using StepOrders.Local.Data;
using StepOrders.Local.Engines;
using StepOrders.Local.Orders;
using StepOrders.Local.Queue;
using StepOrders.Local.Telemetry;
using StepOrders.Local.Workflow;
using StepOrders.Orders.Ports;
using StepOrders.Steps;
using StepOrders.Workflow;

namespace StepOrders.Local;

public static class LocalServiceCollectionExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string WorkflowDatabaseFile = "workflow.db";
    public const string AccessLogFile = "access.log";

    /// <summary>
    /// The one-machine host: Kestrel on 127.0.0.1:5080 unless <c>--urls</c> says otherwise, the SQLite adapters in
    /// the data folder, the API, the workflow steps on the embedded runtime, and the queue poller that starts them.
    /// Options: <c>--data DIR</c>; <c>--store dynamodb</c>, <c>--queue sqs</c>, <c>--workflow stepfunctions</c> and the
    /// rest of <see cref="EngineOptions"/> for AWS's engines instead of SQLite and the embedded runtime;
    /// <c>--Queue:MaxReceiveCount N</c> and the rest of <see cref="QueueOptions"/>; <c>--Workflow:TimeScale 0.01</c>
    /// and the rest of <see cref="WorkflowOptions"/>.
    /// </summary>
    public static WebApplicationBuilder AddStepOrdersLocal(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        // JSON lines; ASP.NET Core's per-request logs would cost more than the request itself.
        builder.Logging.ClearProviders().AddJsonConsole().AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var services = builder.Services;
        var folder = DataFolder.From(builder.Configuration);
        services.AddSingleton(folder);
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<QueueOptions>(builder.Configuration.GetSection("Queue"));

        services.AddSingleton(provider => LocalDatabase.Open(provider.GetRequiredService<DataFolder>()));
        services.AddSingleton<QueueArrivals>();
        var engines = EngineOptions.From(builder.Configuration);
        services.AddOrderEngines(engines);
        services.AddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        services.AddSingleton<IQuotaStore, SqliteQuotaStore>();

        services.AddStepOrdersApi(builder.Configuration);
        services.AddStepOrdersUsagePlans();
        services.AddStepOrdersChat(builder.Configuration);
        services.AddStepOrdersOpenApi();
        services.AddStepOrdersAccessLog(folder.File(AccessLogFile));
        services.AddStepOrdersSteps();
        services.AddSingleton<OrderStateMachine>();
        services.AddSingleton(provider => provider.GetRequiredService<OrderStateMachine>().Handlers());
        services.AddStepOrdersWorkflow(options =>
        {
            builder.Configuration.GetSection("Workflow").Bind(options);
            options.DatabasePath ??= folder.File(WorkflowDatabaseFile);
            options.TimeScale = WaitTimeScale.From(builder.Configuration) ?? options.TimeScale;
        });

        // Started after the runtime (which resumes executions): data ready, the state machine up to date, then new orders flow in.
        services.AddHostedService<LocalStartup>();
        services.AddHostedService<OrderWorkflowHost>();
        services.AddHostedService<OrderQueuePoller>();
        services.AddHostedService<IdempotencyKeyExpiry>();
        if (engines.Store == OrderStoreEngine.DynamoDb)
        {
            // DynamoDB and SQS share no transaction, so the reconciler runs here as on AWS (--Reconciler:Grace, --Reconciler:Interval).
            services.AddSingleton(builder.Configuration.GetSection("Reconciler").Get<ReconcilerOptions>() ?? new ReconcilerOptions());
            services.AddHostedService<ReconcilerSchedule>();
        }
        builder.AddStepOrdersTelemetry();
        return builder;
    }
}
