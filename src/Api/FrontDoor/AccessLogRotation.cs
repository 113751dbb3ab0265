using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace StepOrders.Api.FrontDoor;

/// <summary>
/// How the access log is rotated: once the file reaches <see cref="MaxFileBytes"/> it becomes <c>access.log.1</c>, the
/// previous <c>.1</c> becomes <c>.2</c>, and so on; the log spans at most <see cref="Files"/> files, the current one
/// included, the oldest deleted. Set with <c>AccessLog:MaxFileBytes</c> and <c>AccessLog:Files</c>; by default
/// 5 files of 10 MiB, about 100,000 requests each.
/// </summary>
public sealed record AccessLogRotation(long MaxFileBytes, int Files)
{
    public const string MaxFileBytesKey = "AccessLog:MaxFileBytes";
    public const string FilesKey = "AccessLog:Files";

    public static readonly AccessLogRotation Default = new(10L * 1024 * 1024, 5);

    public static AccessLogRotation From(IConfiguration configuration)
    {
        return new(
            Parse(configuration, MaxFileBytesKey, Default.MaxFileBytes, min: 1024),
            (int)Parse(configuration, FilesKey, Default.Files, min: 1, max: 1000));
    }

    /// <summary>The path of the <paramref name="age"/>-th older file: <c>access.log.1</c> is the newest of them.</summary>
    public static string PathOf(string path, int age) => string.Create(CultureInfo.InvariantCulture, $"{path}.{age}");

    private static long Parse(IConfiguration configuration, string key, long fallback, long min, long max = long.MaxValue)
    {
        var text = configuration[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{key} must be a whole number from {min} to {max}, not '{text}'."));
    }
}
