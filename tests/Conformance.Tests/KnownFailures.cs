namespace StepOrders.Conformance.Tests;

/// <summary>
/// known-failures.txt: the cases the runtime does not reproduce yet, one per line as
/// <c>feature/name: reason</c> (<c>#</c> starts a comment). A listed case that passes fails its test,
/// so the list only ever shrinks.
/// </summary>
internal sealed class KnownFailures
{
    public const string FileName = "known-failures.txt";

    private readonly Dictionary<string, string> reasons;

    private KnownFailures(Dictionary<string, string> reasons) => this.reasons = reasons;

    public static KnownFailures Load()
    {
        var path = Path.Combine(CaseFolder.Project, FileName);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new KnownFailures(reasons);
        }

        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == line.Length - 1)
            {
                throw new FormatException($"{FileName}: '{line}' is not 'feature/name: reason'.");
            }

            reasons.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        return new KnownFailures(reasons);
    }

    public IReadOnlyCollection<string> Ids => reasons.Keys;

    public bool TryGetReason(string id, out string reason) => reasons.TryGetValue(id, out reason!);
}
