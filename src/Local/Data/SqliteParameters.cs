using Microsoft.Data.Sqlite;

namespace StepOrders.Local.Data;

internal static class SqliteParameters
{
    /// <summary>Sets a named parameter, reusing the parameter object of a cached command.</summary>
    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index < 0)
        {
            parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        else
        {
            parameters[index].Value = value ?? DBNull.Value;
        }
        return command;
    }

    public static DateTimeOffset ReadTime(this SqliteDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static string? ReadNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Times are stored as UTC ticks: exact, and ordered as numbers.</summary>
    public static long ToStored(this DateTimeOffset time) => time.UtcTicks;
}
