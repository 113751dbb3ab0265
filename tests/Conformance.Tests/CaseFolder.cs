namespace StepOrders.Conformance.Tests;

/// <summary>
/// Where the recorded cases and this project's files are: the cases live in <c>shared/conformance/sfn</c>
/// beside the repository (CI clones the repository with <c>shared/</c> next to it).
/// </summary>
internal static class CaseFolder
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Cases { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "conformance", "sfn"));

    public static string Project { get; } = Path.Combine(RepositoryRoot, "tests", "Conformance.Tests");

    /// <summary>Every case id (<c>feature/name</c>), in a stable order.</summary>
    public static IReadOnlyList<string> CaseIds()
    {
        if (!Directory.Exists(Cases))
        {
            throw new DirectoryNotFoundException($"The conformance cases are missing: expected them at {Cases}.");
        }

        return
        [
            .. Directory.GetDirectories(Cases)
                .SelectMany(folder => Directory.GetFiles(folder, "*.json"))
                .Select(file => Path.GetRelativePath(Cases, file).Replace('\\', '/')[..^".json".Length])
                .Order(StringComparer.Ordinal),
        ];
    }

    public static ConformanceCase Load(string id) => ConformanceCase.Load(Path.Combine(Cases, id + ".json"));

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StepOrders.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No StepOrders.sln above {AppContext.BaseDirectory}.");
    }
}
