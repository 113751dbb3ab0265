using StepOrders.Api.Access;
using StepOrders.Local.Data;

namespace StepOrders.Local.Access;

/// <summary>
/// <c>keys create --name NAME [--customer ID] [--admin] [--data DIR]</c>: makes an API key in the data folder and
/// prints its secret alone on stdout (so <c>KEY=$(dotnet run --project src/Local -- keys create --name ci)</c> works).
/// Runs without starting the web host.
/// </summary>
public static class KeysCommand
{
    private const string Usage = "usage: keys create --name NAME [--customer ID] [--admin] [--data DIR]";

    public static bool IsKeysCommand(string[] args) => args is ["keys", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (!TryParse(args, out var request, out var problem))
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        await using var database = LocalDatabase.Open(DataFolder.From(request.Data));
        var issuer = new ApiKeyIssuer(new SqliteApiKeyStore(database), TimeProvider.System);
        var secret = await issuer.IssueAsync(request.Name, request.CustomerId, request.IsAdmin, CancellationToken.None);
        await output.WriteLineAsync(secret);
        return 0;
    }

    private static bool TryParse(string[] args, out KeyRequest request, out string problem)
    {
        request = new KeyRequest("", null, false, null);
        problem = "";
        if (args is not ["keys", "create", ..])
        {
            problem = "The keys command knows one action: create.";
            return false;
        }
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--admin":
                    request = request with { IsAdmin = true };
                    break;
                case "--name" or "--customer" or "--data" when i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    var value = args[++i];
                    request = args[i - 1] switch
                    {
                        "--name" => request with { Name = value },
                        "--customer" => request with { CustomerId = value },
                        _ => request with { Data = value },
                    };
                    break;
                default:
                    problem = $"Unexpected argument '{args[i]}'.";
                    return false;
            }
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            problem = "--name is required.";
            return false;
        }
        return true;
    }

    private sealed record KeyRequest(string Name, string? CustomerId, bool IsAdmin, string? Data);
}
