namespace StepOrders.Local;

/// <summary>
/// Flags given alone on the command line become settings (<c>--no-telemetry</c> → <c>Telemetry:Enabled=false</c>),
/// since the configuration's command-line source reads every <c>--key</c> as taking the next argument as its value.
/// </summary>
internal static class CommandLineSwitches
{
    private static readonly Dictionary<string, string> Flags = new(StringComparer.Ordinal)
    {
        ["--no-telemetry"] = "--Telemetry:Enabled=false",
        ["--no-front-door"] = "--FrontDoor:Enabled=false",
    };

    public static string[] Expand(string[] args) => [.. args.Select(arg => Flags.GetValueOrDefault(arg, arg))];
}
