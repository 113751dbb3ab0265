namespace StepOrders.Conformance.Tests;

/// <summary>How a case compares with AWS's recording.</summary>
internal enum Verdict
{
    /// <summary>Status, error, output and cause as AWS recorded them.</summary>
    Passed,

    /// <summary>Status, error and output as recorded; the cause's wording differs.</summary>
    CauseDiffers,

    /// <summary>The status, the error or the output differs.</summary>
    Failed,

    /// <summary>The runtime rejected a definition AWS accepts, or reported a feature it does not support.</summary>
    NotSupported,
}

/// <summary>A case's verdict and, unless it passed, the first difference found.</summary>
internal sealed record CaseResult(Verdict Verdict, string Detail)
{
    /// <summary>Status, error and output match: what the suite requires.</summary>
    public bool Conforms => Verdict is Verdict.Passed or Verdict.CauseDiffers;
}
