using System.Text.Json;
using System.Text.Json.Nodes;
using StepOrders.Workflow.History;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Tests.Api;

/// <summary>Pins the JSON of each history event type, as GetExecutionHistory serves it, to AWS's HistoryEvent shapes.</summary>
public class HistoryEventJsonTests
{
    private static readonly string Lambda = TestRuntime.Lambda;

    public static TheoryData<string> EventTypes => [.. Enum.GetNames<HistoryEventType>()];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_type_is_one_AWS_defines_with_its_details_member(string type)
    {
        var details = HistoryEventJson.DetailsName(Enum.Parse<HistoryEventType>(type));
        if (HistoryEventShapes.WithoutDetails.Contains(type))
        {
            Assert.Null(details);
        }
        else
        {
            Assert.True(HistoryEventShapes.ByType.TryGetValue(type, out var shape), $"{type} is not an AWS history event type");
            Assert.Equal(shape[0], details);
        }
    }

    [Fact]
    public async Task Events_of_every_state_and_task_kind_have_AWS_shapes()
    {
        var handlers = new TaskHandlerRegistry()
            .Register(Lambda + "Ok", (input, _, _) => ValueTask.FromResult(input))
            .Register(Lambda + "Broken", (_, _, _) => throw new TaskFailedException("Broken.Error", "it broke"));
        await using var api = new ApiCaller(handlers);
        await api.CreateAsync("Happy", TestRuntime.Fill("""
            {"StartAt": "P", "States": {
              "P": {"Type": "Pass", "Result": {"n": 1}, "Next": "C"},
              "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "W"}], "Default": "S"},
              "W": {"Type": "Wait", "Seconds": 5, "Next": "Fn"},
              "Fn": {"Type": "Task", "Resource": "@0@Ok", "TimeoutSeconds": 30, "Next": "Invoke"},
              "Invoke": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "Ok", "Payload.$": "$"}, "HeartbeatSeconds": 20, "TimeoutSeconds": 60, "Next": "S"},
              "S": {"Type": "Succeed"}}}
            """, Lambda));
        await api.CreateAsync("Sad", TestRuntime.Fill("""
            {"StartAt": "Fn", "States": {
              "Fn": {"Type": "Task", "Resource": "@0@Broken", "End": true, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Invoke"}]},
              "Invoke": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "Broken"}, "End": true, "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}]},
              "F": {"Type": "Fail", "Error": "Order.Failed", "Cause": "both failed"}}}
            """, Lambda));
        await api.CreateAsync("Slow", """{"TimeoutSeconds": 10, "StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 100, "End": true}}}""");

        var arns = new List<string>();
        foreach (var machine in new[] { "Happy", "Sad", "Slow" })
        {
            arns.Add(await api.StartAsync(machine, "e", """{"in": true}"""));
            await api.CompletedAsync(arns[^1]);
        }

        await api.OkAsync("RedriveExecution", new JsonObject { ["executionArn"] = arns[1] });
        await api.CompletedAsync(arns[1]);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arn in arns)
        {
            var history = await api.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["maxResults"] = 1000 });
            foreach (var e in history.GetProperty("events").EnumerateArray())
            {
                seen.Add(AssertShape(e));
            }
        }

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "ExecutionStarted", "ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionRedriven",
                "PassStateEntered", "PassStateExited", "ChoiceStateEntered", "ChoiceStateExited", "WaitStateEntered", "WaitStateExited",
                "TaskStateEntered", "TaskStateExited", "SucceedStateEntered", "SucceedStateExited", "FailStateEntered",
                "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskFailed",
                "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "LambdaFunctionFailed",
            },
            seen);
    }

    [Fact]
    public async Task A_stopped_execution_ends_with_ExecutionAborted_in_AWS_shape()
    {
        await using var api = new ApiCaller(autoAdvance: false);
        await api.CreateAsync("M", """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}""");
        var arn = await api.StartAsync("M", "e");
        await api.OkAsync("StopExecution", new JsonObject { ["executionArn"] = arn, ["error"] = "E", ["cause"] = "C" });
        var history = await api.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = arn, ["reverseOrder"] = true, ["maxResults"] = 1 });
        var aborted = Assert.Single(history.GetProperty("events").EnumerateArray());
        Assert.Equal("ExecutionAborted", AssertShape(aborted));
        Assert.Equal("""{"error":"E","cause":"C"}""", aborted.GetProperty("executionAbortedEventDetails").GetRawText());
    }

    [Fact]
    public void An_event_is_written_with_epoch_seconds_ids_and_payload_details()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            HistoryEventJson.Write(writer, new HistoryEvent
            {
                Id = 2,
                PreviousEventId = 1,
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123),
                Type = HistoryEventType.PassStateEntered,
                Name = "P",
                Input = "{}",
            });
        }

        Assert.Equal(
            """{"timestamp":1700000000.123,"type":"PassStateEntered","id":2,"previousEventId":1,"stateEnteredEventDetails":{"name":"P","input":"{}","inputDetails":{"truncated":false}}}""",
            System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>Checks one event against its AWS shape and returns its type.</summary>
    private static string AssertShape(JsonElement e)
    {
        var type = e.GetProperty("type").GetString()!;
        Assert.Equal(JsonValueKind.Number, e.GetProperty("timestamp").ValueKind);
        Assert.True(e.GetProperty("id").GetInt64() > 0);
        Assert.Equal(e.GetProperty("id").GetInt64() - 1, e.GetProperty("previousEventId").GetInt64());
        var detailsMembers = e.EnumerateObject().Where(p => p.Name.EndsWith("EventDetails", StringComparison.Ordinal)).ToList();
        if (HistoryEventShapes.WithoutDetails.Contains(type))
        {
            Assert.Empty(detailsMembers);
            return type;
        }

        Assert.True(HistoryEventShapes.ByType.TryGetValue(type, out var shape), $"{type} is not an AWS history event type");
        var details = Assert.Single(detailsMembers);
        Assert.Equal(shape[0], details.Name);
        var allowed = shape.Skip(1).Select(f => f.TrimEnd('*')).ToHashSet(StringComparer.Ordinal);
        foreach (var field in details.Value.EnumerateObject())
        {
            Assert.True(allowed.Contains(field.Name), $"{type}.{details.Name} has {field.Name}, which AWS does not define");
            if (field.Name.EndsWith("Details", StringComparison.Ordinal))
            {
                Assert.Equal(JsonValueKind.False, field.Value.GetProperty("truncated").ValueKind);
            }
            else if (field.Name is "input" or "output" or "parameters")
            {
                Assert.Equal(JsonValueKind.String, field.Value.ValueKind);
                JsonDocument.Parse(field.Value.GetString()!).Dispose();
            }
        }

        foreach (var required in shape.Skip(1).Where(f => f.EndsWith('*')).Select(f => f.TrimEnd('*')))
        {
            Assert.True(details.Value.TryGetProperty(required, out _), $"{type}.{details.Name} lacks {required}, which AWS requires");
        }

        return type;
    }
}
