using static Microsoft.Playwright.Assertions;

namespace StepOrders.Console.Tests;

/// <summary>Any execution on its own page: a state machine using every kind of state, drawn and painted from its history.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExecutionPageTests(ConsoleHost host, Chromium chromium)
{
    private const string EveryKindOfState = """
        {
          "StartAt": "Prepare",
          "States": {
            "Prepare": { "Type": "Pass", "Result": { "items": [1, 2, 3], "kind": "big" }, "Next": "Route" },
            "Route": {
              "Type": "Choice",
              "Choices": [
                { "Variable": "$.kind", "StringEquals": "big", "Next": "FanOut" },
                { "Variable": "$.kind", "StringEquals": "small", "Next": "Done" }
              ],
              "Default": "Reject"
            },
            "FanOut": {
              "Type": "Parallel",
              "Branches": [
                { "StartAt": "Pause", "States": { "Pause": { "Type": "Wait", "Seconds": 1, "Next": "Noted" }, "Noted": { "Type": "Pass", "End": true } } },
                { "StartAt": "EachItem", "States": { "EachItem": { "Type": "Map", "ItemsPath": "$.items",
                  "ItemProcessor": { "ProcessorConfig": { "Mode": "INLINE" }, "StartAt": "Double", "States": { "Double": { "Type": "Pass", "End": true } } },
                  "End": true } } }
              ],
              "ResultPath": "$.fanOut",
              "Next": "CallMissing"
            },
            "CallMissing": {
              "Type": "Task",
              "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Missing",
              "Catch": [ { "ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Done" } ],
              "Next": "Done"
            },
            "Done": { "Type": "Succeed" },
            "Reject": { "Type": "Fail", "Error": "Kind.Unknown", "Cause": "Neither big nor small." }
          }
        }
        """;

    [Fact]
    public async Task Every_kind_of_state_is_drawn_with_choice_branches_catch_edges_and_parallel_and_map_groups()
    {
        var machine = await host.SfnAsync("CreateStateMachine", new { name = "EveryKindOfState", definition = EveryKindOfState, roleArn = "arn:aws:iam::123456789012:role/console" });
        var started = await host.SfnAsync("StartExecution", new { stateMachineArn = (string)machine["stateMachineArn"]!, name = "every-kind", input = "{}" });
        var console = await ConsolePage.SignInAsync(chromium, host);

        await console.OpenAsync($"/executions/{Uri.EscapeDataString((string)started["executionArn"]!)}");

        await Expect(console.ExecutionStatus).ToHaveTextAsync("SUCCEEDED");
        foreach (var state in new[] { "Prepare", "Route", "FanOut", "Pause", "Noted", "EachItem", "Double", "Done" })
        {
            await Expect(console.State(state)).ToHaveAttributeAsync("data-status", "succeeded");
        }
        await Expect(console.State("CallMissing")).ToHaveAttributeAsync("data-status", "caught");
        await Expect(console.State("Reject")).ToHaveAttributeAsync("data-status", "not-reached");
        await Expect(console.Page.Locator("svg.graph g.node.group")).ToHaveCountAsync(2);
        await Expect(console.State("FanOut").Locator("g.node[data-state=\"Pause\"]")).ToHaveCountAsync(1);
        await Expect(console.State("EachItem").Locator("g.node[data-state=\"Double\"] .sub")).ToContainTextAsync("×3");
        await Expect(console.Page.Locator("svg.graph .edge-label.choice")).ToHaveTextAsync(["$.kind == \"big\"", "$.kind == \"small\""]);
        await Expect(console.Page.Locator("svg.graph .edge-label.default")).ToHaveTextAsync("Default");
        await Expect(console.Page.Locator("svg.graph path.edge.catch[data-from=\"CallMissing\"][data-to=\"Done\"]")).ToHaveCountAsync(1);

        await console.State("Double").ClickAsync();
        await Expect(console.Details.Locator("h4")).ToHaveTextAsync(["Run 3 of 3", "Run 2 of 3", "Run 1 of 3"]);
        await console.CloseAsync();
    }
}
