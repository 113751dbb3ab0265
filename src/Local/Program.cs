using StepOrders.Api;
using StepOrders.Api.Admin;
using StepOrders.Api.Chatbot;
using StepOrders.Api.Customers;
using StepOrders.Api.Health;
using StepOrders.Api.OpenApi;
using StepOrders.Api.Orders;
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
app.MapHealth();
app.MapOrders();
app.MapCustomerOrders();
app.MapChatbot();
app.MapStepOrdersOpenApi();
app.MapAdmin();
app.MapTelemetry();
app.MapStepFunctionsApi();
app.MapConsole();

await app.RunAsync();
return 0;

/// <summary>The host's entry point, public for <c>WebApplicationFactory</c> tests.</summary>
public partial class Program;
