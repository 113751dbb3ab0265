using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using StepOrders.Api.Access;
using StepOrders.Chat;

namespace StepOrders.Api.Chatbot;

/// <summary>
/// <c>POST /chatbot</c> <c>{message, customerId?, conversationId?}</c> → <c>{reply, orderIds, source, conversationId}</c>:
/// the order assistant, about one customer's orders. The customer is the key's; a key bound to no customer (admin or
/// a shop's back end) names it in <c>customerId</c>. A customer key naming someone else is told that customer does
/// not exist, as its order routes are.
/// </summary>
public static class ChatbotApi
{
    public static RouteGroupBuilder MapChatbot(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/chatbot").RequireAuthorization().WithTags("Chatbot");
        group.MapPost("", AskAsync).Accepts<ChatbotRequest>("application/json").ProducesProblem(StatusCodes.Status404NotFound).WithName("AskChatbot");
        return group;
    }

    public static async Task<Results<Ok<ChatAnswer>, ProblemHttpResult>> AskAsync(
        HttpRequest request, ApiCaller caller, ChatAssistant assistant, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, ApiJson.Default.ChatbotRequest);
        if (body.Problem is { } unreadable)
        {
            return unreadable;
        }
        var question = body.Value!;
        var customerId = caller.CustomerId ?? question.CustomerId;
        if (caller.CustomerId is not null && question.CustomerId is { } named && !caller.MayReach(named))
        {
            return ApiProblems.NotFound($"There is no customer {named}.");
        }
        if (string.IsNullOrWhiteSpace(customerId))
        {
            return ApiProblems.Invalid("customerId", "is required with a key bound to no customer: the customer whose orders the question is about.");
        }
        var result = await assistant.AnswerAsync(new ChatQuestion(question.Message ?? "", customerId, question.ConversationId), cancellationToken);
        return result.Answer is { } answer ? TypedResults.Ok(answer) : ApiProblems.Invalid(result.Errors);
    }
}

/// <summary>A question to the order assistant; <see cref="CustomerId"/> only from keys bound to no customer.</summary>
public sealed record ChatbotRequest(string? Message, string? CustomerId, string? ConversationId);
