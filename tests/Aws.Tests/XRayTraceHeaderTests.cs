using System.Diagnostics;

namespace StepOrders.Aws.Tests;

public sealed class XRayTraceHeaderTests
{
    [Fact]
    public void An_XRay_header_maps_to_the_W3C_trace_context_with_the_same_trace_and_parent()
    {
        var context = XRayTraceHeader.Parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        Assert.Equal("5759e988bd862e3fe1be46a994272793", context.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", context.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
    }

    [Fact]
    public void A_W3C_trace_context_maps_back_to_the_same_XRay_header()
    {
        ActivityContext.TryParse("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01", null, out var context);

        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", XRayTraceHeader.Format(context));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793")]
    [InlineData("Root=nonsense;Parent=53995c3f42cd8ad8")]
    public void A_missing_or_partial_header_gives_no_context(string? header) => Assert.Equal(default, XRayTraceHeader.Parse(header));
}
