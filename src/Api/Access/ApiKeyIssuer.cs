using System.Security.Cryptography;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Api.Access;

/// <summary>
/// Makes new keys (a random secret shown once) and registers secrets chosen elsewhere (<c>STEPORDERS_API_KEY</c>). In
/// the host it tells <see cref="KnownApiKeys"/>, so a secret refused a moment before works at once; <c>keys create</c>,
/// in a process of its own, has none to tell (see <see cref="KnownApiKeys"/> for how soon a host sees its keys).
/// </summary>
/// <remarks>
/// A secret is 192 random bits, so a plain SHA-256 of it is enough to store: a slow password hash (PBKDF2, Argon2)
/// guards low-entropy secrets against guessing, and no guess finds a 192-bit one. <c>STEPORDERS_API_KEY</c> is the
/// caller's choice; it should be as random.
/// </remarks>
public sealed class ApiKeyIssuer(IApiKeyStore store, TimeProvider clock, KnownApiKeys? known = null)
{
    private const string SecretPrefix = "so_";

    /// <summary>Creates a key on the default usage plan and returns its secret, which exists nowhere else afterwards.</summary>
    public Task<string> IssueAsync(string name, string? customerId, bool isAdmin, CancellationToken cancellationToken) =>
        IssueAsync(name, customerId, isAdmin, UsagePlan.Default, cancellationToken);

    /// <summary>Creates a key on <paramref name="plan"/> and returns its secret, which exists nowhere else afterwards.</summary>
    public async Task<string> IssueAsync(string name, string? customerId, bool isAdmin, UsagePlan plan, CancellationToken cancellationToken)
    {
        var secret = SecretPrefix + Base64UrlToken(24);
        var key = new ApiKey(NewId(), name, customerId, isAdmin, clock.GetUtcNow(), plan);
        if (!await AddAsync(key, ApiKeyHash.Of(secret), cancellationToken))
        {
            throw new InvalidOperationException("A fresh random secret matched an existing key.");
        }
        return secret;
    }

    /// <summary>Registers <paramref name="secret"/> as a key on the default plan unless it is one already.</summary>
    public Task<bool> RegisterAsync(string secret, string name, bool isAdmin, CancellationToken cancellationToken) =>
        AddAsync(new ApiKey(NewId(), name, null, isAdmin, clock.GetUtcNow(), UsagePlan.Default), ApiKeyHash.Of(secret), cancellationToken);

    private async Task<bool> AddAsync(ApiKey key, ApiKeyHash hash, CancellationToken cancellationToken)
    {
        var added = await store.TryAddAsync(key, hash, cancellationToken);
        if (added)
        {
            known?.Forget(hash);
        }
        return added;
    }

    private static string NewId() => "key_" + Base64UrlToken(9);

    private static string Base64UrlToken(int bytes) => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
