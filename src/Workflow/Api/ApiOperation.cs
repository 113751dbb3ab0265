using System.Text.Json;

namespace StepOrders.Workflow.Api;

/// <summary>One operation: reads its members from the request and writes its answer's members.</summary>
internal delegate Task ApiOperation(ApiRequest request, Utf8JsonWriter response, ApiServices services, CancellationToken cancellationToken);
