using System.Text.Json.Nodes;

namespace StepOrders.Workflow.Tests.Intrinsics;

/// <summary>
/// The cases recorded against AWS Step Functions in shared/conformance/sfn (see its README). They are
/// found by walking up from the test binaries, or at STEPORDERS_CONFORMANCE_SFN when that is set.
/// </summary>
internal static class ConformanceCases
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static IEnumerable<string> Names(string feature) =>
        Directory.EnumerateFiles(Path.Combine(Root.Value, feature), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)!;

    public static JsonObject Load(string feature, string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root.Value, feature, name + ".json")))!.AsObject();

    private static string FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("STEPORDERS_CONFORMANCE_SFN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "conformance", "sfn"), Path.Combine(dir.FullName, "conformance", "sfn") })
            {
                if (File.Exists(Path.Combine(candidate, "index.json")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "shared/conformance/sfn was not found above the test binaries; set STEPORDERS_CONFORMANCE_SFN to its path.");
    }
}
