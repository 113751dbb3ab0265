using Microsoft.Playwright;

namespace StepOrders.Console.Tests;

/// <summary>
/// Where the tests' screenshots go: <c>docs/screenshots/</c> of the repository (shown by the README) when
/// <c>UPDATE_SCREENSHOTS=1</c>, else a <c>screenshots</c> folder beside the test assembly, so a plain test run leaves
/// the committed pictures alone and still has pictures to look at.
/// </summary>
public static class Screenshots
{
    /// <summary>The sticky top bar would cover an element scrolled under it.</summary>
    private const string Unstick = ".topbar { position: static !important; } .toasts { display: none !important; }";

    public static string Folder { get; } = FindFolder();

    /// <summary>The page from its top down to the bottom of <paramref name="last"/>.</summary>
    public static async Task SaveAsync(IPage page, string name, ILocator last)
    {
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        var box = await last.BoundingBoxAsync() ?? throw new InvalidOperationException($"{last} is not shown.");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Folder, name),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = page.ViewportSize!.Width, Height = box.Y + box.Height + 16 },
            Animations = ScreenshotAnimations.Disabled,
            Style = Unstick,
        });
    }

    public static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name), FullPage = true, Animations = ScreenshotAnimations.Disabled, Style = Unstick });

    public static Task SaveAsync(ILocator element, string name) =>
        element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Folder, name), Animations = ScreenshotAnimations.Disabled, Style = Unstick });

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
