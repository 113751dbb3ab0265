using Amazon.CDK.AWS.APIGateway;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace StepOrders.Cdk;

/// <summary>
/// The REST API: every method needs an API key (<c>x-api-key</c>), and the usage plan caps each key's rate, burst
/// and daily quota. The Api-triggered function serves every path through the proxy integration and routes in
/// process, as the local host's Kestrel does.
/// </summary>
internal sealed class OrderApi : Construct
{
    public OrderApi(Construct scope, string id, Stage stage, IReadOnlyDictionary<string, Function> functions)
        : base(scope, id)
    {
        RestApi = new RestApi(this, "RestApi", new RestApiProps
        {
            RestApiName = stage.Prefix,
            Description = "StepOrders REST API",
            EndpointConfiguration = new EndpointConfiguration { Types = [EndpointType.REGIONAL] },
            // An account-wide setting; the API's metrics and X-Ray traces need no CloudWatch role.
            CloudWatchRole = false,
            DeployOptions = new StageOptions { StageName = stage.Name, TracingEnabled = true, MetricsEnabled = true },
            DefaultMethodOptions = new MethodOptions { ApiKeyRequired = true },
        });
        switch (functions.Count)
        {
            case 1:
                var integration = new LambdaIntegration(functions.Values.Single(), new LambdaIntegrationOptions { Proxy = true });
                RestApi.Root.AddMethod("ANY", integration);
                RestApi.Root.AddProxy(new ProxyResourceOptions { DefaultIntegration = integration, AnyMethod = true });
                break;
            case 0:
                // A stack built from declarations without the API (tests of the steps alone): a mock health check keeps it deployable.
                AddHealthCheck();
                break;
            default:
                throw new NotSupportedException(
                    $"Several Api-triggered functions ({string.Join(", ", functions.Keys)}) need routes of their own, which their declarations do not give.");
        }
        UsagePlan = RestApi.AddUsagePlan("UsagePlan", new UsagePlanProps
        {
            Name = stage.Prefix,
            Description = "Per key: requests per second, burst, and requests per day.",
            Throttle = new ThrottleSettings { RateLimit = stage.RateLimit, BurstLimit = stage.BurstLimit },
            Quota = new QuotaSettings { Limit = stage.DailyQuota, Period = Period.DAY },
            ApiStages = [new UsagePlanPerApiStage { Api = RestApi, Stage = RestApi.DeploymentStage }],
        });
    }

    public RestApi RestApi { get; }

    public UsagePlan UsagePlan { get; }

    private void AddHealthCheck() =>
        RestApi.Root.AddResource("health").AddMethod("GET", new MockIntegration(new IntegrationOptions
        {
            PassthroughBehavior = PassthroughBehavior.NEVER,
            RequestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" },
            IntegrationResponses =
            [
                new IntegrationResponse
                {
                    StatusCode = "200",
                    ResponseTemplates = new Dictionary<string, string> { ["application/json"] = """{"status":"ok"}""" },
                },
            ],
        }), new MethodOptions { MethodResponses = [new MethodResponse { StatusCode = "200" }] });
}
