using Microsoft.Extensions.Time.Testing;
using StepOrders.Api.Access;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Api.Tests.Access;

public sealed class KnownApiKeysTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CountingKeyStore _store = new();
    private readonly KnownApiKeys _keys;

    public KnownApiKeysTests() => _keys = new KnownApiKeys(_store, _clock);

    [Fact]
    public async Task An_unknown_key_is_looked_up_in_the_store_once_per_time_to_live()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await _keys.FindAsync("so_nobody", CancellationToken.None));
        }
        Assert.Equal(1, _store.Reads);

        _clock.Advance(KnownApiKeys.TimeToLive);
        Assert.Null(await _keys.FindAsync("so_nobody", CancellationToken.None));

        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task A_key_issued_in_this_process_works_at_once_though_its_secret_was_refused_a_moment_before()
    {
        const string Secret = "so_chosen-before-it-was-registered";
        Assert.Null(await _keys.FindAsync(Secret, CancellationToken.None));

        await new ApiKeyIssuer(_store, _clock, _keys).RegisterAsync(Secret, "env", isAdmin: true, CancellationToken.None);

        Assert.Equal("env", (await _keys.FindAsync(Secret, CancellationToken.None))?.Name);
    }

    [Fact]
    public async Task A_key_added_by_another_process_after_its_secret_was_refused_works_within_the_time_to_live()
    {
        const string Secret = "so_added-elsewhere";
        Assert.Null(await _keys.FindAsync(Secret, CancellationToken.None));

        // As keys create does, in a process of its own: nothing tells this one.
        await new ApiKeyIssuer(_store, _clock).RegisterAsync(Secret, "elsewhere", isAdmin: false, CancellationToken.None);
        var before = await _keys.FindAsync(Secret, CancellationToken.None);
        _clock.Advance(KnownApiKeys.TimeToLive);
        var after = await _keys.FindAsync(Secret, CancellationToken.None);

        Assert.Null(before);
        Assert.Equal("elsewhere", after?.Name);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_once_the_time_to_live_has_passed_and_then_stays_refused_without_store_reads()
    {
        var secret = await new ApiKeyIssuer(_store, _clock, _keys).IssueAsync("to-revoke", null, false, UsagePlan.Default, CancellationToken.None);
        var key = await _keys.FindAsync(secret, CancellationToken.None);
        await _store.RevokeAsync(key!.Id, _clock.GetUtcNow(), CancellationToken.None);

        _clock.Advance(KnownApiKeys.TimeToLive);
        var afterRevocation = await _keys.FindAsync(secret, CancellationToken.None);
        var reads = _store.Reads;
        var again = await _keys.FindAsync(secret, CancellationToken.None);

        Assert.Null(afterRevocation);
        Assert.Null(again);
        Assert.Equal(reads, _store.Reads);
    }

    [Fact]
    public async Task Unknown_secrets_are_remembered_in_a_bounded_table_where_a_newer_one_takes_an_older_ones_slot()
    {
        var first = "so_unknown-0";
        var rival = Enumerable.Range(1, 100 * KnownApiKeys.UnknownSlots).Select(i => $"so_unknown-{i}")
            .First(secret => SlotOf(secret) == SlotOf(first));
        Assert.Null(await _keys.FindAsync(first, CancellationToken.None));
        Assert.Null(await _keys.FindAsync(rival, CancellationToken.None));

        Assert.False(_keys.IsUnknown(ApiKeyHash.Of(first)));
        Assert.True(_keys.IsUnknown(ApiKeyHash.Of(rival)));
    }

    private static int SlotOf(string secret) => Convert.ToInt32(ApiKeyHash.Of(secret).Hex[..8], 16) & (KnownApiKeys.UnknownSlots - 1);
}
