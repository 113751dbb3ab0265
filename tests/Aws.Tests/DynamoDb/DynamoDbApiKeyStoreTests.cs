using Amazon.DynamoDBv2.Model;
using StepOrders.Api.Access;
using StepOrders.Api.UsagePlans;
using StepOrders.Aws.DynamoDb;
using StepOrders.Aws.Tests.Standins;

namespace StepOrders.Aws.Tests.DynamoDb;

/// <summary>The api-keys table: whom each API Gateway key speaks for, by the key's id.</summary>
[Collection(StandinsCollection.Name)]
public sealed class DynamoDbApiKeyStoreTests(DynaliteFixture dynalite)
{
    [Fact]
    public async Task FindAsync_WhenTheKeyIsBound_ReturnsWhomItSpeaksFor()
    {
        var store = new DynamoDbApiKeyStore(dynalite.Client, await dynalite.CreateTablesAsync());
        var createdAt = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        await store.BindAsync(new ApiKey("a1b2c3d4e5", "alice", "cust-1", false, createdAt, UsagePlan.Default), CancellationToken.None);
        await store.BindAsync(new ApiKey("f6g7h8i9j0", "ops", null, true, createdAt, UsagePlan.Default), CancellationToken.None);

        var alice = await store.FindAsync("a1b2c3d4e5", CancellationToken.None);
        var ops = await store.FindAsync("f6g7h8i9j0", CancellationToken.None);

        Assert.Equal(("alice", "cust-1", false, createdAt), (alice?.Name, alice?.CustomerId, alice?.IsAdmin, alice?.CreatedAt));
        Assert.Equal(("ops", null, true), (ops?.Name, ops?.CustomerId, ops?.IsAdmin));
    }

    [Fact]
    public async Task FindAsync_WhenTheKeyIsBoundToNoCaller_ReturnsNull()
    {
        var store = new DynamoDbApiKeyStore(dynalite.Client, await dynalite.CreateTablesAsync());

        Assert.Null(await store.FindAsync("a1b2c3d4e5", CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_WhenAnOperatorPutOnlyTheKeyId_ReadsAnUnboundNonAdminKeyNamedByItsId()
    {
        var tables = await dynalite.CreateTablesAsync();
        await dynalite.Client.PutItemAsync(new PutItemRequest
        {
            TableName = tables.ApiKeys,
            Item = new() { ["keyId"] = new AttributeValue { S = "a1b2c3d4e5" } },
        });

        var key = await new DynamoDbApiKeyStore(dynalite.Client, tables).FindAsync("a1b2c3d4e5", CancellationToken.None);

        Assert.Equal(("a1b2c3d4e5", null, false), (key?.Name, key?.CustomerId, key?.IsAdmin));
    }
}
