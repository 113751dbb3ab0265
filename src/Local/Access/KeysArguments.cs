using System.Globalization;
using StepOrders.Api.UsagePlans;

namespace StepOrders.Local.Access;

/// <summary>The <c>keys</c> command line, parsed: the action and its options.</summary>
internal sealed record KeysArguments(string Action, string? Name, string? Id, string? CustomerId, bool IsAdmin, UsagePlan Plan, string? Data)
{
    public const string Usage = """
        usage: keys create --name NAME [--customer ID] [--admin] [--rate N] [--burst N] [--quota N] [--data DIR]
               keys list [--data DIR]
               keys revoke (--name NAME | --id ID) [--data DIR]
        --rate: requests per second (default 100), --burst: bucket size (default 200), --quota: requests per UTC day (default 1000000)
        """;

    public static bool TryParse(string[] args, out KeysArguments parsed, out string problem)
    {
        parsed = new KeysArguments(args.ElementAtOrDefault(1) ?? "", null, null, null, false, UsagePlan.Default, null);
        problem = "";
        if (parsed.Action is not ("create" or "list" or "revoke"))
        {
            problem = "The keys command knows three actions: create, list and revoke.";
            return false;
        }
        for (var i = 2; i < args.Length; i++)
        {
            var option = args[i];
            if (option == "--admin" && parsed.Action == "create")
            {
                parsed = parsed with { IsAdmin = true };
                continue;
            }
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal) || !Allows(parsed.Action, option))
            {
                problem = Allows(parsed.Action, option) ? $"{option} needs a value." : $"Unexpected argument '{option}'.";
                return false;
            }
            var value = args[++i];
            var plan = parsed.Plan;
            parsed = option switch
            {
                "--name" => parsed with { Name = value },
                "--id" => parsed with { Id = value },
                "--customer" => parsed with { CustomerId = value },
                "--data" => parsed with { Data = value },
                "--rate" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) => parsed with { Plan = plan with { RateLimit = rate } },
                "--burst" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var burst) => parsed with { Plan = plan with { BurstLimit = burst } },
                "--quota" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var quota) => parsed with { Plan = plan with { QuotaLimit = quota } },
                _ => parsed with { Action = "" },
            };
            if (parsed.Action == "")
            {
                problem = $"{option} must be a number, not '{value}'.";
                return false;
            }
        }
        problem = parsed.Check();
        return problem == "";
    }

    private static bool Allows(string action, string option) => (action, option) switch
    {
        (_, "--data") => true,
        ("create", "--name" or "--customer" or "--rate" or "--burst" or "--quota") => true,
        ("revoke", "--name" or "--id") => true,
        _ => false,
    };

    private string Check()
    {
        switch (Action)
        {
            case "create" when string.IsNullOrWhiteSpace(Name):
                return "--name is required.";
            case "create" when CustomerId is not null && string.IsNullOrWhiteSpace(CustomerId):
                return "--customer must name a customer.";
            case "create" when Plan.Check() is [var first, ..]:
                return $"--{first.Field} {first.Message}";
            case "revoke" when (Name is null) == (Id is null):
                return "Name the key to revoke with --name or with --id (one of them).";
            default:
                return "";
        }
    }
}
