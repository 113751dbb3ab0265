using Microsoft.Playwright;

namespace StepOrders.Console.Tests;

/// <summary>
/// Where the tests' screenshots go: <c>docs/screenshots/</c> of the repository (shown by the README) when
/// <c>UPDATE_SCREENSHOTS=1</c>, else a <c>screenshots</c> folder beside the test assembly, so a plain test run leaves
/// the committed pictures alone and still has pictures to look at.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = FindFolder();

    public static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name), FullPage = true, Animations = ScreenshotAnimations.Disabled });

    public static Task SaveAsync(ILocator element, string name) =>
        element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Folder, name), Animations = ScreenshotAnimations.Disabled });

    private static string FindFolder()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "StepOrders.sln")))
                {
                    return Directory.CreateDirectory(Path.Combine(directory.FullName, "docs", "screenshots")).FullName;
                }
            }
        }
        return Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;
    }
}
