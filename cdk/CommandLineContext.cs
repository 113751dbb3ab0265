namespace StepOrders.Cdk;

/// <summary>Context given to <c>dotnet run --project cdk -- -c key=value</c>, read the way the cdk CLI reads <c>-c</c>.</summary>
internal static class CommandLineContext
{
    public static Dictionary<string, object> Parse(IReadOnlyList<string> args)
    {
        var context = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is not ("-c" or "--context") || i + 1 == args.Count)
            {
                throw new ArgumentException($"Unexpected argument '{args[i]}': pass context as -c key=value.", nameof(args));
            }
            var pair = args[++i].Split('=', 2);
            if (pair.Length != 2 || pair[0].Length == 0)
            {
                throw new ArgumentException($"Context '{args[i]}' is not key=value.", nameof(args));
            }
            context[pair[0]] = pair[1];
        }
        return context;
    }
}
