using Amazon.CDK.Assertions;

namespace StepOrders.Cdk.Tests;

[Collection(SynthesizedStacksCollection.Name)]
public sealed class OrderApiTests(SynthesizedStacks stacks)
{
    [Fact]
    public void Every_method_of_the_REST_API_needs_an_API_key()
    {
        var methods = stacks.Dev.Resources("AWS::ApiGateway::Method").Values.ToList();

        Assert.NotEmpty(methods);
        Assert.All(methods, method => Assert.True((bool)method["Properties"]!["ApiKeyRequired"]!));
        stacks.Dev.Template.HasResourceProperties("AWS::ApiGateway::RestApi", new Dictionary<string, object> { ["Name"] = "steporders-dev" });
    }

    [Fact]
    public void Every_method_and_path_goes_to_the_API_function_through_the_proxy_integration()
    {
        var function = stacks.Dev.LogicalId(stacks.Dev.Function("Api"));
        var methods = stacks.Dev.Resources("AWS::ApiGateway::Method").Values.ToList();

        // ANY on the root and ANY on {proxy+}: the function routes in process, as Kestrel does locally.
        Assert.Equal(2, methods.Count);
        Assert.All(methods, method =>
        {
            Assert.Equal("ANY", (string?)method["Properties"]!["HttpMethod"]);
            Assert.Equal("AWS_PROXY", (string?)method["Properties"]!["Integration"]!["Type"]);
            Assert.Contains(function, method["Properties"]!["Integration"]!["Uri"]!.ToJsonString(), StringComparison.Ordinal);
        });
        stacks.Dev.Template.HasResourceProperties("AWS::ApiGateway::Resource", new Dictionary<string, object> { ["PathPart"] = "{proxy+}" });
    }

    [Theory]
    [InlineData("dev", 10, 20, 10_000)]
    [InlineData("prod", 100, 200, 1_000_000)]
    public void The_usage_plan_caps_each_key_s_rate_burst_and_daily_quota(string stage, int rate, int burst, int quota)
    {
        var stack = stage == "dev" ? stacks.Dev : stacks.Prod;
        var apiStage = stack.LogicalId(stack.Single("AWS::ApiGateway::Stage", _ => true));

        stack.Template.HasResourceProperties("AWS::ApiGateway::UsagePlan", new Dictionary<string, object>
        {
            ["UsagePlanName"] = $"steporders-{stage}",
            ["Throttle"] = new Dictionary<string, object> { ["RateLimit"] = rate, ["BurstLimit"] = burst },
            ["Quota"] = new Dictionary<string, object> { ["Limit"] = quota, ["Period"] = "DAY" },
            ["ApiStages"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object> { ["Stage"] = new Dictionary<string, object> { ["Ref"] = apiStage } })]),
        });
    }

    [Fact]
    public void The_stage_is_named_for_the_environment_and_traced_with_X_Ray()
    {
        stacks.Prod.Template.HasResourceProperties("AWS::ApiGateway::Stage", new Dictionary<string, object>
        {
            ["StageName"] = "prod",
            ["TracingEnabled"] = true,
        });
    }
}
