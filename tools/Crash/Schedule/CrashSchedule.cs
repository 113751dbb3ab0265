using StepOrders.Orders;

namespace StepOrders.Crash.Schedule;

/// <summary>
/// Everything a run decides, drawn from one seed: each order (customer, lines, token, key) and each cycle (how many
/// orders, when the kill comes). The same seed gives the same schedule; the interleaving of threads inside the host
/// still varies between runs, which is what a crash test is for.
/// </summary>
internal sealed class CrashSchedule
{
    public const int Customers = 16;

    private static readonly string[] InStock = [.. Enumerable.Range(1, 9).Select(i => $"SKU-{i}")];

    private CrashSchedule(IReadOnlyList<OrderPlan> orders, IReadOnlyList<CyclePlan> cycles)
    {
        Orders = orders;
        Cycles = cycles;
    }

    public IReadOnlyList<OrderPlan> Orders { get; }

    public IReadOnlyList<CyclePlan> Cycles { get; }

    public static string CustomerId(int index) => $"crash-{index:00}";

    public static CrashSchedule Create(int seed, int cycles, int orders)
    {
        var random = new Random(seed);
        var plans = new OrderPlan[orders];
        for (var i = 0; i < orders; i++)
        {
            plans[i] = PlanOrder(random, seed, i);
        }
        var cyclePlans = new CyclePlan[cycles];
        for (var c = 0; c < cycles; c++)
        {
            // Orders spread evenly over the cycles; a cycle killed before it sent them passes them on to the next.
            var first = (int)((long)orders * c / cycles);
            var next = (int)((long)orders * (c + 1) / cycles);
            var (kill, delay, fraction) = random.NextDouble() switch
            {
                < 0.10 => (KillPoint.Restarting, random.Next(0, 300), 0),
                < 0.45 => (KillPoint.MidBurst, random.Next(0, 30), 0.05 + (0.9 * random.NextDouble())),
                _ => (KillPoint.AfterBurst, random.Next(0, 1500), 0),
            };
            cyclePlans[c] = new CyclePlan(c + 1, first, next - first, kill, TimeSpan.FromMilliseconds(delay), fraction);
        }
        return new CrashSchedule(plans, cyclePlans);
    }

    private static OrderPlan PlanOrder(Random random, int seed, int number)
    {
        var lines = new List<PlannedLine>();
        var lineCount = random.Next(1, 4);
        var outOfStock = random.NextDouble() < 0.10;
        for (var l = 0; l < lineCount; l++)
        {
            var sku = outOfStock && l == lineCount - 1 ? OrderPlan.OutOfStockSku : InStock[random.Next(InStock.Length)];
            lines.Add(new PlannedLine(sku, random.Next(1, 6), random.Next(100, 20_000) / 100m));
        }
        var token = random.NextDouble() switch
        {
            < 0.40 => TestCardNetwork.Approve,
            < 0.70 => TestCardNetwork.Flaky,
            < 0.85 => TestCardNetwork.Decline,
            _ => null,
        };
        return new OrderPlan(number, $"crash-{seed}-{number}", CustomerId(random.Next(Customers)), lines, token);
    }
}
