using System.Collections;

namespace StepOrders.Orders.Telemetry;

/// <summary>
/// The correlation fields of a log scope around work on one order: <c>orderId</c>, <c>executionName</c> and
/// <c>function</c> (a JSON console with scopes writes each as a field of every line inside; the trace id comes from
/// the current activity). Field names as Powertools Logging writes them, in camelCase.
/// </summary>
public sealed class OrderLogScope(string? orderId, string? executionName, string function) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string OrderIdField = "orderId";
    public const string ExecutionNameField = "executionName";
    public const string FunctionField = "function";

    public int Count => 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new(OrderIdField, orderId),
        1 => new(ExecutionNameField, executionName),
        2 => new(FunctionField, function),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{function} {orderId}";
}
