using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Local.Tests.Host;
using StepOrders.Local.Tests.Sfn;
using StepOrders.Workflow;

namespace StepOrders.Local.Tests.Engines;

/// <summary>
/// <c>--workflow stepfunctions</c>: a shop host (orders in dynalite) starts each order's execution on a state machine
/// at a Step Functions endpoint, here another host's <c>/sfn</c>, and reads the execution's status from there.
/// </summary>
public sealed class StepFunctionsWorkflowTests(SfnHost stepFunctions, DynaliteFixture dynalite)
    : IClassFixture<SfnHost>, IClassFixture<DynaliteFixture>, IDisposable
{
    private const string ShopKey = "shop-admin-key";
    private readonly string _data = Directory.CreateTempSubdirectory("steporders-sfn-shop-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task An_order_s_execution_is_started_on_the_state_machine_at_the_endpoint_and_its_status_read_from_there()
    {
        // On AWS the machine's Tasks are the stack's functions; this one only accepts, which is all the shop host sees.
        var machine = await stepFunctions.Runtime.CreateStateMachineAsync("ShopOrders",
            """{"StartAt": "Accept", "States": {"Accept": {"Type": "Pass", "End": true}}}""");
        await using var shop = await HostProcess.StartAsync(_data, ShopKey,
            new Dictionary<string, string>
            {
                // The local /sfn takes an admin key as the access key id, as the AWS CLI sends it.
                ["AWS_ACCESS_KEY_ID"] = await stepFunctions.AdminKeyAsync(),
                ["AWS_SECRET_ACCESS_KEY"] = "unused",
            },
            "--store", "dynamodb", "--dynamodb-endpoint", ((AmazonDynamoDBConfig)dynalite.Client.Config).ServiceURL,
            "--table-prefix", $"t{Guid.NewGuid():N}"[..12] + "-",
            "--workflow", "stepfunctions", "--state-machine-arn", machine.StateMachineArn, "--sfn-endpoint", stepFunctions.Endpoint.ToString());
        using var client = shop.Client(ShopKey);

        var placed = await client.PostAsJsonAsync("/orders", new
        {
            customerId = "sfn-shop",
            items = new[] { new { sku = "SKU-1", quantity = 1, unitPrice = 5m } },
            currency = "EUR",
            shippingAddress = new { name = "Ada", line1 = "1 Way", city = "London", postalCode = "N1", country = "GB" },
        });
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var orderId = (string)(await placed.Content.ReadFromJsonAsync<JsonObject>())!["orderId"]!;

        var executionArn = machine.StateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + orderId;
        var execution = await ClosedAsync(executionArn);
        Assert.Equal((ExecutionStatus.Succeeded, orderId), (execution.Status, execution.Name));
        Assert.Equal(orderId, (string?)JsonNode.Parse(execution.Input!)!["orderId"]);
        var order = (await client.GetFromJsonAsync<JsonObject>($"/orders/{orderId}"))!;
        Assert.Equal(
            (orderId, "SUCCEEDED", executionArn),
            ((string?)order["execution"]!["name"], (string?)order["execution"]!["status"], (string?)order["execution"]!["arn"]));
    }

    /// <summary>The execution once the shop's queue poller has started it and it has closed.</summary>
    private async Task<ExecutionDescription> ClosedAsync(string executionArn)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                return await stepFunctions.Runtime.WaitForCompletionAsync(executionArn, timeout.Token);
            }
            catch (WorkflowApiException e) when (e.ErrorCode == WorkflowErrorCodes.ExecutionDoesNotExist)
            {
                // Not started yet: the poller takes the order's message from the queue first.
                await Task.Delay(50, timeout.Token);
            }
        }
    }
}
