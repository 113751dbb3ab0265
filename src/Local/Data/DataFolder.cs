using Microsoft.Extensions.Configuration;

namespace StepOrders.Local.Data;

/// <summary>The folder that holds the host's SQLite files: <c>--data DIR</c>, else <c>STEPORDERS_DATA</c>, else <c>./data</c>.</summary>
public sealed record DataFolder(string Path)
{
    public const string DefaultPath = "data";
    public const string EnvironmentVariable = "STEPORDERS_DATA";

    public static DataFolder From(IConfiguration configuration) => From(configuration["data"]);

    public static DataFolder From(string? fromArguments) =>
        new(System.IO.Path.GetFullPath(
            fromArguments is { Length: > 0 } ? fromArguments
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultPath));

    public string File(string name) => System.IO.Path.Combine(Path, name);
}
