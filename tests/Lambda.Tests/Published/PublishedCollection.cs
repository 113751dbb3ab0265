using StepOrders.Aws.Tests.Standins;

namespace StepOrders.Lambda.Tests.Published;

/// <summary>One publish of the bootstrap and one dynalite and fauxqs for every test of the published binary.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedCollection : ICollectionFixture<PublishedBinary>, ICollectionFixture<DynaliteFixture>, ICollectionFixture<FauxqsFixture>
{
    public const string Name = "published bootstrap";
}
