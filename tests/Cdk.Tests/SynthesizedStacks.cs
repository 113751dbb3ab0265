using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace StepOrders.Cdk.Tests;

/// <summary>
/// Both stages synthesized once (jsii starts Node, which takes seconds), with a placeholder folder as the function
/// code: synthesis only hashes and copies it.
/// </summary>
public sealed class SynthesizedStacks : IDisposable
{
    private readonly string _code = Path.Combine(Path.GetTempPath(), "steporders-cdk-code-" + Guid.NewGuid().ToString("N")[..12]);

    public SynthesizedStacks()
    {
        Directory.CreateDirectory(_code);
        File.WriteAllText(Path.Combine(_code, "bootstrap"), "placeholder");
        Dev = Synthesize(Stage.Dev);
        Prod = Synthesize(Stage.Prod);
    }

    public SynthesizedStack Dev { get; }

    public SynthesizedStack Prod { get; }

    public string LambdaCode => _code;

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StepOrders.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No StepOrders.sln above {AppContext.BaseDirectory}.");
    }

    public static string WorkflowDefinition() =>
        File.ReadAllText(Path.Combine(RepositoryRoot(), "statemachine", "order-workflow.asl.json"));

    private SynthesizedStack Synthesize(Stage stage)
    {
        var app = new App(new AppProps { Outdir = Outdir(stage) });
        var settings = new StackSettings(stage, _code, WorkflowDefinition(), StackSettings.DeclaredFunctions());
        var stack = new OrderStack(app, $"StepOrders-{stage.Name}", settings);
        var template = Template.FromStack(stack);
        return new SynthesizedStack(settings, template, JsonNode.Parse(JsonSerializer.Serialize(template.ToJSON()))!);
    }

    /// <summary>Beside the code folder, not in it: synthesis copies the code folder into the output.</summary>
    private string Outdir(Stage stage) => _code + "-out-" + stage.Name;

    public void Dispose()
    {
        foreach (var folder in new[] { _code, Outdir(Stage.Dev), Outdir(Stage.Prod) }.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SynthesizedStacksCollection : ICollectionFixture<SynthesizedStacks>
{
    public const string Name = "synthesized stacks";
}

/// <summary>One stage's template, for Amazon.CDK.Assertions and, where a check reads better in JSON, as JSON.</summary>
public sealed class SynthesizedStack
{
    internal SynthesizedStack(StackSettings settings, Template template, JsonNode json)
    {
        Settings = settings;
        Template = template;
        Json = json;
    }

    internal StackSettings Settings { get; }

    public Template Template { get; }

    public JsonNode Json { get; }

    /// <summary>The resources of a type, by logical id.</summary>
    public IReadOnlyDictionary<string, JsonNode> Resources(string type) =>
        Json["Resources"]!.AsObject()
            .Where(resource => (string?)resource.Value!["Type"] == type)
            .ToDictionary(resource => resource.Key, resource => resource.Value!);

    public JsonNode Single(string type, Func<JsonNode, bool> where) =>
        Assert.Single(Resources(type).Values, node => where(node));

    public JsonNode Function(string name) =>
        Single("AWS::Lambda::Function", function => (string?)function["Properties"]!["Handler"] == name);

    public string LogicalId(JsonNode resource) => Json["Resources"]!.AsObject().Single(entry => ReferenceEquals(entry.Value, resource)).Key;
}
