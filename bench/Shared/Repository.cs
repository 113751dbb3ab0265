namespace StepOrders.Bench;

/// <summary>
/// The StepOrders checkout a benchmark runs from: the folder holding StepOrders.sln, found upward from the benchmark's
/// binaries, then from the current directory (for a benchmark built elsewhere but run from inside the repository).
/// </summary>
internal static class Repository
{
    public static string Root() =>
        Above(AppContext.BaseDirectory) ?? Above(Environment.CurrentDirectory)
        ?? throw new InvalidOperationException("Run the benchmark from inside the StepOrders repository (no StepOrders.sln above here).");

    private static string? Above(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StepOrders.sln")))
            {
                return folder.FullName;
            }
        }
        return null;
    }
}
