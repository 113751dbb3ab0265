using Microsoft.Data.Sqlite;

namespace StepOrders.Local.Data;

/// <summary>
/// The tables of the host's database; <c>PRAGMA user_version</c> says which version a file has. A new file gets
/// version 1's tables and then every migration, so a file of any earlier version ends up the same.
/// </summary>
internal static class SqliteSchema
{
    private const int Version = 3;

    private const string Tables = """
        CREATE TABLE orders (
            id TEXT NOT NULL PRIMARY KEY,
            customer_id TEXT NOT NULL,
            status INTEGER NOT NULL,
            currency TEXT NOT NULL,
            payment_token TEXT NOT NULL,
            lines TEXT NOT NULL,
            shipping_address TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            failure_step TEXT,
            failure_error TEXT,
            failure_cause TEXT
        );
        CREATE INDEX orders_by_customer ON orders (customer_id, id DESC);
        CREATE INDEX orders_pending ON orders (id) WHERE status = 0;

        CREATE TABLE order_history (
            order_id TEXT NOT NULL REFERENCES orders (id),
            seq INTEGER NOT NULL,
            status INTEGER NOT NULL,
            at INTEGER NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (order_id, seq)
        ) WITHOUT ROWID;

        CREATE TABLE idempotency_keys (
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            order_id TEXT NOT NULL REFERENCES orders (id),
            expires_at INTEGER NOT NULL,
            PRIMARY KEY (scope, key)
        ) WITHOUT ROWID;
        CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);

        CREATE TABLE queue_messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            body TEXT NOT NULL,
            sent_at INTEGER NOT NULL,
            visible_at INTEGER NOT NULL,
            receive_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX queue_messages_by_visibility ON queue_messages (visible_at, id);

        CREATE TABLE dead_letters (
            id INTEGER NOT NULL PRIMARY KEY,
            body TEXT NOT NULL,
            sent_at INTEGER NOT NULL,
            receive_count INTEGER NOT NULL,
            dead_lettered_at INTEGER NOT NULL
        );

        CREATE TABLE stock (
            sku TEXT NOT NULL PRIMARY KEY,
            available INTEGER NOT NULL CHECK (available >= 0)
        ) WITHOUT ROWID;

        CREATE TABLE reservations (
            order_id TEXT NOT NULL PRIMARY KEY,
            units INTEGER NOT NULL,
            reserved_at INTEGER NOT NULL,
            released_at INTEGER
        ) WITHOUT ROWID;

        CREATE TABLE reservation_lines (
            order_id TEXT NOT NULL REFERENCES reservations (order_id),
            sku TEXT NOT NULL,
            quantity INTEGER NOT NULL CHECK (quantity > 0),
            PRIMARY KEY (order_id, sku)
        ) WITHOUT ROWID;

        CREATE TABLE captures (
            payment_id TEXT NOT NULL PRIMARY KEY,
            order_id TEXT NOT NULL UNIQUE,
            amount TEXT NOT NULL,
            currency TEXT NOT NULL,
            captured_at INTEGER NOT NULL,
            refunded_at INTEGER,
            charges INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE api_keys (
            id TEXT NOT NULL PRIMARY KEY,
            hash BLOB NOT NULL UNIQUE,
            name TEXT NOT NULL,
            customer_id TEXT,
            is_admin INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        );
        """;

    /// <summary>Migrations[n] takes a file from version n + 1 to n + 2.</summary>
    private static readonly string[] Migrations =
    [
        // Version 2: usage plans (API Gateway's rate, burst and daily quota) per key, revocation, and each key's
        // requests counted against its quota today (one row per key, replaced when the day changes).
        """
        ALTER TABLE api_keys ADD COLUMN rate_limit REAL NOT NULL DEFAULT 100;
        ALTER TABLE api_keys ADD COLUMN burst_limit INTEGER NOT NULL DEFAULT 200;
        ALTER TABLE api_keys ADD COLUMN quota_limit INTEGER NOT NULL DEFAULT 1000000;
        ALTER TABLE api_keys ADD COLUMN revoked_at INTEGER;
        CREATE TABLE quota_usage (
            key_id TEXT NOT NULL PRIMARY KEY,
            day INTEGER NOT NULL,
            used INTEGER NOT NULL
        ) WITHOUT ROWID;
        """,
        // Version 3: a reservation whose stock left with its order is settled; it is never released after that.
        "ALTER TABLE reservations ADD COLUMN settled_at INTEGER;",
    ];

    public static void Apply(SqliteConnection connection)
    {
        // IMMEDIATE, so a second process opening the same new folder waits and then finds the tables made.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        if (version == Version)
        {
            return;
        }
        if (version > Version)
        {
            throw new InvalidOperationException($"The database has schema version {version}; this build knows up to version {Version}.");
        }
        if (version == 0)
        {
            command.CommandText = Tables;
            command.ExecuteNonQuery();
            version = 1;
        }
        for (; version < Version; version++)
        {
            command.CommandText = Migrations[version - 1];
            command.ExecuteNonQuery();
        }
        command.CommandText = $"PRAGMA user_version = {Version};";
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
