using Microsoft.AspNetCore.Routing;
using StepOrders.Api.Admin;
using StepOrders.Api.Chatbot;
using StepOrders.Api.Customers;
using StepOrders.Api.Health;
using StepOrders.Api.Orders;
using StepOrders.Orders;

namespace StepOrders.Api;

/// <summary>
/// The API as one function: every route, mapped the same way by the local host (behind Kestrel) and by the Lambda
/// host (behind API Gateway's proxy integration, which sends every path to this one function). The stack grants the
/// function the AWS access of the ports its endpoints take.
/// </summary>
[Function("Api", FunctionTrigger.Api, MemoryMb = 512)]
public static class StepOrdersApi
{
    public static IEndpointRouteBuilder MapStepOrdersApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealth();
        routes.MapOrders();
        routes.MapCustomerOrders();
        routes.MapChatbot();
        routes.MapAdmin();
        return routes;
    }
}
