namespace StepOrders.Console.Tests;

/// <summary>
/// One host and one browser for every console test, which run one at a time: the machine is small, and the
/// dead-letter test takes the workflow down for a moment.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleHost>, ICollectionFixture<Chromium>
{
    public const string Name = "Console";
}
