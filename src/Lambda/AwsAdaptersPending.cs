using StepOrders.Orders;
using StepOrders.Orders.Ports;

namespace StepOrders.Lambda;

/// <summary>
/// Stands where the AWS adapters of <c>src/Aws</c> (DynamoDB store, inventory and payments, SQS queue, Step Functions
/// client) go until they are composed in <see cref="LambdaServiceCollectionExtensions"/>. Every function starts, so
/// the runtime, the event adapters and the error shapes work end to end; any call that needs AWS fails loudly.
/// </summary>
internal sealed class AwsAdaptersPending : IOrderStore, IInventory, IPaymentGateway, IOrderWorkflow, IOrderQueue
{
    private static Task<T> Missing<T>(string port) =>
        Task.FromException<T>(new InvalidOperationException($"The Lambda host has no {port} adapter yet: compose src/Aws in AddStepOrdersLambda."));

    public Task<Order?> GetAsync(OrderId id, CancellationToken cancellationToken) => Missing<Order?>(nameof(IOrderStore));

    public Task<OrderPage> ListAsync(OrderFilter filter, int limit, string? cursor, CancellationToken cancellationToken) => Missing<OrderPage>(nameof(IOrderStore));

    public Task<bool> TrySaveStatusChangeAsync(Order next, OrderStatus expectedStatus, CancellationToken cancellationToken) => Missing<bool>(nameof(IOrderStore));

    public Task<IReadOnlyList<OrderId>> ListPendingAsync(DateTimeOffset acceptedBefore, int limit, CancellationToken cancellationToken) =>
        Missing<IReadOnlyList<OrderId>>(nameof(IOrderStore));

    public Task<ReservationOutcome> ReserveAsync(OrderId orderId, IReadOnlyList<OrderLine> lines, CancellationToken cancellationToken) =>
        Missing<ReservationOutcome>(nameof(IInventory));

    public Task<bool> ReleaseAsync(OrderId orderId, CancellationToken cancellationToken) => Missing<bool>(nameof(IInventory));

    public Task SetAvailableAsync(string sku, int available, CancellationToken cancellationToken) => Missing<bool>(nameof(IInventory));

    public Task<int?> GetAvailableAsync(string sku, CancellationToken cancellationToken) => Missing<int?>(nameof(IInventory));

    public Task<PaymentOutcome> CaptureAsync(PaymentRequest request, CancellationToken cancellationToken) => Missing<PaymentOutcome>(nameof(IPaymentGateway));

    public Task<bool> RefundAsync(OrderId orderId, CancellationToken cancellationToken) => Missing<bool>(nameof(IPaymentGateway));

    public Task<int> CountCapturesAsync(OrderId orderId, CancellationToken cancellationToken) => Missing<int>(nameof(IPaymentGateway));

    public Task<WorkflowStart> StartAsync(string executionName, OrderWorkflowInput input, CancellationToken cancellationToken) =>
        Missing<WorkflowStart>(nameof(IOrderWorkflow));

    public Task<ExecutionSummary?> DescribeAsync(string executionName, CancellationToken cancellationToken) => Missing<ExecutionSummary?>(nameof(IOrderWorkflow));

    public Task RedriveAsync(string executionName, CancellationToken cancellationToken) => Missing<bool>(nameof(IOrderWorkflow));

    public Task SendAsync(OrderQueued message, CancellationToken cancellationToken) => Missing<bool>(nameof(IOrderQueue));

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, TimeSpan wait, CancellationToken cancellationToken) =>
        Missing<IReadOnlyList<QueueMessage>>(nameof(IOrderQueue));

    public Task DeleteAsync(string receiptHandle, CancellationToken cancellationToken) => Missing<bool>(nameof(IOrderQueue));

    public Task ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancellationToken) => Missing<bool>(nameof(IOrderQueue));

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken) =>
        Missing<IReadOnlyList<DeadLetter>>(nameof(IOrderQueue));

    public Task<int> RedriveDeadLettersAsync(IReadOnlyList<string>? messageIds, CancellationToken cancellationToken) => Missing<int>(nameof(IOrderQueue));
}
