namespace StepOrders.Conformance.Tests;

/// <summary>
/// Every execution recorded on AWS in shared/conformance/sfn, one test per case: the runtime must give
/// AWS's status, error and output, unless known-failures.txt lists the case, in which case it must
/// still fail (so the list cannot go stale).
/// </summary>
public sealed class RecordedCasesTests(ConformanceReport report) : IClassFixture<ConformanceReport>
{
    private static readonly KnownFailures Known = KnownFailures.Load();

    public static TheoryData<string> Cases() => new(CaseFolder.CaseIds());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_runtime_reproduces_the_recorded_AWS_result(string id)
    {
        var testCase = CaseFolder.Load(id);

        var result = await CaseRunner.RunAsync(testCase);

        report.Record(testCase, result);
        if (Known.TryGetReason(id, out var reason))
        {
            Assert.False(result.Conforms, $"{id} now conforms: remove it from {KnownFailures.FileName} (it was listed as: {reason}).");
        }
        else
        {
            Assert.True(result.Conforms, $"{id}: {result.Detail}");
        }
    }

    [Fact]
    public void Every_known_failure_names_a_recorded_case()
    {
        var ids = CaseFolder.CaseIds().ToHashSet(StringComparer.Ordinal);
        var unknown = Known.Ids.Where(id => !ids.Contains(id)).ToList();

        Assert.True(unknown.Count == 0, $"Not recorded cases: {string.Join(", ", unknown)}");
    }
}
