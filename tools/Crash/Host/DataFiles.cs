using StepOrders.Local;

namespace StepOrders.Crash.Host;

/// <summary>The host's data folder and the two SQLite files the checks read.</summary>
internal sealed record DataFiles(string Folder)
{
    public string Store => Path.Combine(Folder, "steporders.db");

    public string Workflow => Path.Combine(Folder, LocalServiceCollectionExtensions.WorkflowDatabaseFile);
}
