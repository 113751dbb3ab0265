using Amazon.CDK;
using StepOrders.Cdk;

// Synthesizes the stack into CDK_OUTDIR (set by the cdk CLI) or cdk.out, like `cdk synth`.
// Context comes from the cdk CLI (-c stage=prod) or from this program's own arguments in the same form.
var app = new App(new AppProps
{
    Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") ?? "cdk.out",
    Context = CommandLineContext.Parse(args),
});
var settings = StackSettings.FromContext(app.Node);
_ = new OrderStack(app, $"StepOrders-{settings.Stage.Name}", settings, new StackProps
{
    Env = new Amazon.CDK.Environment
    {
        Account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT"),
        Region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"),
    },
    Description = $"StepOrders ({settings.Stage.Name}): API Gateway, Lambda, DynamoDB, SQS and Step Functions.",
});
app.Synth();
