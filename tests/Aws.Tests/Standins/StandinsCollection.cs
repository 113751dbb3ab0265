namespace StepOrders.Aws.Tests.Standins;

/// <summary>The tests that talk to dynalite and fauxqs: one of each for the whole run, each test with its own tables and queues.</summary>
[CollectionDefinition(Name)]
public sealed class StandinsCollection : ICollectionFixture<DynaliteFixture>, ICollectionFixture<FauxqsFixture>
{
    public const string Name = "stand-ins";
}
