using System.Diagnostics;
using System.Text.Json.Nodes;

namespace StepOrders.Cdk.Tests;

[Collection(SynthesizedStacksCollection.Name)]
public sealed class ProgramTests(SynthesizedStacks stacks)
{
    [Fact]
    public async Task Running_the_app_synthesizes_the_stage_s_stack_into_CDK_OUTDIR()
    {
        var outdir = Path.Combine(Path.GetTempPath(), "steporders-cdk-out-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var run = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "StepOrders.Cdk.dll"), "-c", "stage=prod", "-c", $"lambdaCode={stacks.LambdaCode}" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            run.Environment["CDK_OUTDIR"] = outdir;
            using var process = Process.Start(run)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));

            Assert.True(process.ExitCode == 0, await errors);
            var template = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(outdir, "StepOrders-prod.template.json")))!;
            Assert.Contains(template["Resources"]!.AsObject(), resource => (string?)resource.Value!["Type"] == "AWS::StepFunctions::StateMachine");
        }
        finally
        {
            if (Directory.Exists(outdir))
            {
                Directory.Delete(outdir, recursive: true);
            }
        }
    }

    [Fact]
    public void An_unknown_stage_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Stage.Named("staging"));

        Assert.Contains("-c stage=dev or -c stage=prod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_is_read_from_the_arguments_as_the_cdk_CLI_passes_it()
    {
        var context = CommandLineContext.Parse(["-c", "stage=prod", "--context", "lambdaCode=/tmp/x=y"]);

        Assert.Equal("prod", context["stage"]);
        Assert.Equal("/tmp/x=y", context["lambdaCode"]);
        Assert.Throws<ArgumentException>(() => CommandLineContext.Parse(["stage=prod"]));
    }
}
