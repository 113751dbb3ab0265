using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace StepOrders.Bench;

/// <summary>
/// Orders accepted in a time, and the host CPU they took; loads add up across rounds. The host's CPU time per order is
/// the work an order costs, which the machine's load hardly moves: on a shared machine it is the steadier figure.
/// </summary>
internal readonly record struct OrderLoad(int Orders, TimeSpan Elapsed, TimeSpan Cpu)
{
    /// <summary>An approved two-line order, as the benchmarks post it.</summary>
    public const string Body = """
        {"customerId":"bench","currency":"EUR","paymentToken":"tok_approve",
         "items":[{"sku":"SKU-1","quantity":1,"unitPrice":9.99},{"sku":"SKU-2","quantity":2,"unitPrice":4.5}],
         "shippingAddress":{"name":"Bench","line1":"1 Load St","city":"Berlin","postalCode":"10115","country":"DE"}}
        """;

    /// <summary>The table the two-host benchmarks print: the host as shipped (on) beside the one with a part left out (off).</summary>
    public const string Header = """
        | round | on: orders/s | off: orders/s | on / off | on: host CPU µs/order | off: host CPU µs/order | CPU on / off |
        |---|---:|---:|---:|---:|---:|---:|
        """;

    public double Rate => Orders / Elapsed.TotalSeconds;

    public double CpuPerOrder => Cpu.TotalMicroseconds / Orders;

    public static OrderLoad operator +(OrderLoad left, OrderLoad right) =>
        new(left.Orders + right.Orders, left.Elapsed + right.Elapsed, left.Cpu + right.Cpu);

    public static string Row(string round, OrderLoad on, OrderLoad off) => string.Create(CultureInfo.InvariantCulture,
        $"| {round} | {on.Rate:0} | {off.Rate:0} | {on.Rate / off.Rate:0.000} | {on.CpuPerOrder:0} | {off.CpuPerOrder:0} | {on.CpuPerOrder / off.CpuPerOrder:0.000} |");

    /// <summary>
    /// <paramref name="concurrency"/> clients posting orders to <paramref name="host"/> for <paramref name="duration"/>,
    /// and the host's CPU time meanwhile. Every order must be accepted: a refusal would make the figures something
    /// other than throughput.
    /// </summary>
    public static async Task<OrderLoad> RunAsync(HostProcess host, int concurrency, TimeSpan duration)
    {
        var cpuBefore = host.CpuTime;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = host.Url, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("x-api-key", host.ApiKey);
        var (accepted, refused) = (0, 0);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                using var content = new StringContent(Body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("/orders", UriKind.Relative), content);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        return refused == 0
            ? new OrderLoad(accepted, elapsed, host.CpuTime - cpuBefore)
            : throw new InvalidOperationException($"{refused} orders were refused by {host.Url}: the figures would not be throughput.");
    }
}
