using StepOrders.Api;
using StepOrders.Api.OpenApi;
using StepOrders.Local;
using StepOrders.Local.Access;
using StepOrders.Local.Telemetry;
using StepOrders.Local.WebConsole;

if (KeysCommand.IsKeysCommand(args))
{
    return await KeysCommand.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateSlimBuilder(CommandLineSwitches.Expand(args));
builder.AddStepOrdersLocal();

var app = builder.Build();
app.UseStepOrdersApi();
app.MapStepOrdersApi();
app.MapStepOrdersOpenApi();
app.MapTelemetry();
app.MapStepFunctionsApi();
app.MapConsole();

await app.RunAsync();
return 0;

/// <summary>The host's entry point, public for <c>WebApplicationFactory</c> tests.</summary>
public partial class Program;
