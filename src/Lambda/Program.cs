using Microsoft.Extensions.DependencyInjection;
using StepOrders.Lambda;

// Lambda starts this executable (bootstrap) with the runtime API's address and the function's handler setting.
var runtimeApi = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (string.IsNullOrEmpty(runtimeApi))
{
    await Console.Error.WriteLineAsync("AWS_LAMBDA_RUNTIME_API is not set: this executable runs inside AWS Lambda or against a runtime API emulator.");
    return 2;
}
var handler = Environment.GetEnvironmentVariable("_HANDLER") ?? "";

var services = new ServiceCollection().AddStepOrdersLambda();
return await LambdaHost.RunAsync(runtimeApi, handler, services, CancellationToken.None);
