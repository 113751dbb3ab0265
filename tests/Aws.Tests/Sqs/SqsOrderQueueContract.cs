using StepOrders.Aws.Sqs;
using StepOrders.Aws.Tests.Contracts;
using StepOrders.Aws.Tests.Standins;
using StepOrders.Orders.Ports;

namespace StepOrders.Aws.Tests.Sqs;

[Collection(StandinsCollection.Name)]
public sealed class SqsOrderQueueContract(FauxqsFixture fauxqs) : OrderQueueContract
{
    protected override async Task<IOrderQueue> CreateQueueAsync(int maxReceiveCount) =>
        new SqsOrderQueue(fauxqs.Client, await fauxqs.CreateQueuesAsync(maxReceiveCount));
}
