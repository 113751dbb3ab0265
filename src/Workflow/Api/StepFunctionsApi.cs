using System.Buffers;
using System.Text.Json;
using StepOrders.Workflow.Tasks;

namespace StepOrders.Workflow.Api;

/// <summary>
/// The Step Functions API (AWS JSON 1.0) over the embedded runtime, independent of any transport: give it the
/// operation (the <c>X-Amz-Target</c> header, <c>AWSStepFunctions.StartExecution</c>) and the request body, send
/// back the <see cref="StepFunctionsReply"/>. Who may call is the transport's business.
/// </summary>
public sealed class StepFunctionsApi(WorkflowRuntime runtime, TaskHandlerRegistry handlers, WorkflowOptions options, TimeProvider? time = null)
{
    public const string TargetPrefix = "AWSStepFunctions.";

    private readonly ApiServices services = new(runtime, handlers, options, time ?? TimeProvider.System);

    /// <summary>The operations served, by name.</summary>
    public static IReadOnlyList<string> Operations { get; } =
    [
        nameof(CreateStateMachine), nameof(UpdateStateMachine), nameof(DescribeStateMachine), nameof(ListStateMachines),
        nameof(StartExecution), nameof(StartSyncExecution), nameof(DescribeExecution), nameof(StopExecution),
        nameof(ListExecutions), nameof(GetExecutionHistory), nameof(RedriveExecution),
        nameof(ValidateStateMachineDefinition), nameof(TestState),
    ];

    public async Task<StepFunctionsReply> HandleAsync(string? target, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        try
        {
            var operation = Find(target);
            using var document = Parse(body);
            var buffer = new ArrayBufferWriter<byte>(256);
            await using (var writer = new Utf8JsonWriter(buffer, ApiJson.WriterOptions))
            {
                writer.WriteStartObject();
                await operation(new ApiRequest(document.RootElement), writer, services, cancellationToken);
                writer.WriteEndObject();
            }

            return new StepFunctionsReply(200, buffer.WrittenMemory);
        }
        catch (WorkflowApiException e)
        {
            return Error(e.ErrorCode, e.Message);
        }
        catch (StepFunctionsFault e)
        {
            return Error(e.ErrorCode, e.Message, e.StatusCode);
        }
    }

    /// <summary>An error reply in AWS's shape: <c>{"__type": "com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist", "message": "…"}</c>.</summary>
    public static StepFunctionsReply Error(string errorCode, string message, int statusCode = 400)
    {
        ArgumentNullException.ThrowIfNull(errorCode);
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, ApiJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", ErrorNamespace(errorCode) + "#" + errorCode);
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        return new StepFunctionsReply(statusCode, buffer.WrittenMemory, errorCode);
    }

    private static ApiOperation Find(string? target)
    {
        var name = target is not null && target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : null;
        return name switch
        {
            nameof(CreateStateMachine) => CreateStateMachine.WriteAsync,
            nameof(UpdateStateMachine) => UpdateStateMachine.WriteAsync,
            nameof(DescribeStateMachine) => DescribeStateMachine.WriteAsync,
            nameof(ListStateMachines) => ListStateMachines.WriteAsync,
            nameof(StartExecution) => StartExecution.WriteAsync,
            nameof(StartSyncExecution) => StartSyncExecution.WriteAsync,
            nameof(DescribeExecution) => DescribeExecution.WriteAsync,
            nameof(StopExecution) => StopExecution.WriteAsync,
            nameof(ListExecutions) => ListExecutions.WriteAsync,
            nameof(GetExecutionHistory) => GetExecutionHistory.WriteAsync,
            nameof(RedriveExecution) => RedriveExecution.WriteAsync,
            nameof(ValidateStateMachineDefinition) => ValidateStateMachineDefinition.WriteAsync,
            nameof(TestState) => TestState.WriteAsync,
            _ => throw new StepFunctionsFault(StepFunctionsFault.UnknownOperationException,
                target is null ? "Missing X-Amz-Target header." : $"Operation '{target}' is not supported."),
        };
    }

    private static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        // The parser checks the structure but leaves the bytes inside strings to the first read of each value.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            throw StepFunctionsFault.Malformed("The request body is not valid UTF-8.");
        }

        try
        {
            var document = JsonDocument.Parse(body.IsEmpty ? "{}"u8.ToArray() : body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            throw StepFunctionsFault.Malformed("The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw StepFunctionsFault.Malformed($"The request body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>Where AWS's services declare each error: the protocol layer (coral) or Step Functions' model.</summary>
    private static string ErrorNamespace(string errorCode) => errorCode switch
    {
        WorkflowErrorCodes.ValidationException => "com.amazon.coral.validate",
        StepFunctionsFault.SerializationException or StepFunctionsFault.UnknownOperationException
            or StepFunctionsFault.MissingAuthenticationToken or StepFunctionsFault.UnrecognizedClient
            or StepFunctionsFault.AccessDenied or StepFunctionsFault.InternalFailure => "com.amazon.coral.service",
        _ => "com.amazonaws.swf.service.v2.model",
    };
}
