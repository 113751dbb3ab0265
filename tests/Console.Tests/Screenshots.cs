using Microsoft.Playwright;

namespace StepOrders.Console.Tests;

/// <summary>
/// Where the tests' screenshots go: <c>docs/screenshots/</c> of the repository (shown by the README) when
/// <c>UPDATE_SCREENSHOTS=1</c>, else a <c>screenshots</c> folder beside the test assembly, so a plain test run leaves
/// the committed pictures alone and still has pictures to look at.
/// </summary>
public static class Screenshots
{
    /// <summary>No toasts in the pictures.</summary>
    private const string NoToasts = ".toasts { display: none !important; }";

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
            Style = NoToasts,
        });
    }

    public static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name), FullPage = true, Animations = ScreenshotAnimations.Disabled, Style = NoToasts });

    /// <summary>One element, cut from the whole page: an element screenshot of something taller than the window catches the sticky bar.</summary>
    public static async Task SaveAsync(ILocator element, string name)
    {
        await element.Page.EvaluateAsync("window.scrollTo(0, 0)");
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException($"{element} is not shown.");
        await element.Page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Folder, name),
            FullPage = true,
            Clip = new Clip { X = box.X, Y = box.Y, Width = box.Width, Height = box.Height },
            Animations = ScreenshotAnimations.Disabled,
            Style = NoToasts,
        });
    }

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
