using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using StepOrders.Chat.Internal;
using StepOrders.Chat.Internal.Conversations;
using StepOrders.Chat.Internal.Grounding;
using StepOrders.Chat.Internal.Models;
using StepOrders.Chat.Internal.Replies;
using StepOrders.Chat.Internal.Understanding;
using StepOrders.Orders;
using StepOrders.Orders.Ports;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Chat;

/// <summary>
/// The order assistant behind <c>POST /chatbot</c>: understands the question offline, loads only the caller's
/// orders, lets the model answer from them when one is configured and behaving, and otherwise answers from templates.
/// </summary>
public sealed class ChatAssistant
{
    private readonly ChatAssistantOptions _options;
    private readonly OrderContextLoader _loader;
    private readonly ConversationStore _conversations;
    private readonly AssistantModel? _model;
    private readonly ILogger _logger;
    private readonly OrderMetrics? _metrics;

    /// <param name="model">The model, or null to answer from templates alone.</param>
    /// <param name="metrics">Where answers are counted by source and model calls timed, or null to count nothing.</param>
    public ChatAssistant(
        IOrderStore store, ChatAssistantOptions options, TimeProvider time, ILogger<ChatAssistant> logger, IChatClient? model = null, OrderMetrics? metrics = null)
    {
        _options = options;
        _logger = logger;
        _metrics = metrics;
        _loader = new OrderContextLoader(store, options, time);
        _conversations = new ConversationStore(time, options);
        _model = model is null ? null : new AssistantModel(model, options, time, logger, metrics);
    }

    public async Task<ChatResult> AnswerAsync(ChatQuestion question, CancellationToken cancellationToken)
    {
        var errors = Check(question);
        if (errors.Count > 0)
        {
            return ChatResult.Rejected(errors);
        }
        var message = question.Message.Trim();
        var conversation = _conversations.Open(question.CustomerId, question.ConversationId);
        var reading = QuestionReader.Read(message);
        var context = await _loader.LoadAsync(question.CustomerId, reading, conversation, cancellationToken);

        var template = TemplateReplies.Write(context, _options.DispatchDays);
        var (reply, orderIds, source) = (template.Text, template.OrderIds, ChatSource.Template);
        if (_model is not null)
        {
            var messages = ModelPrompt.Build(context, conversation, message, _options.DispatchDays);
            var guarded = ReplyGuard.Check(await _model.AskAsync(messages, cancellationToken), context);
            if (guarded.IsAccepted)
            {
                // A reply that names no order is still about the orders the question was about.
                (reply, orderIds, source) = (guarded.Text!, guarded.OrderIds.Count > 0 ? guarded.OrderIds : template.OrderIds, ChatSource.Model);
            }
            else if (guarded.Strangers > 0)
            {
                ChatLog.ReplyRejected(_logger, guarded.Strangers);
            }
        }

        _metrics?.ChatAnswered(source);
        _conversations.Save(conversation with
        {
            LastIntent = context.Intent,
            Focus = context.Focus.Count > 0
                ? [.. context.Focus.Select(order => order.Id)]
                : context.Intent == ChatIntent.RecentOrders ? [] : conversation.Focus,
            Listed = context.Intent == ChatIntent.RecentOrders ? [.. context.Recent.Select(order => order.Id)] : conversation.Listed,
            Turns = [.. conversation.Turns, new ConversationTurn(message, reply)],
        });
        return ChatResult.Answered(new ChatAnswer(reply, [.. orderIds.Select(id => id.Value)], source, conversation.Id));
    }

    private List<FieldError> Check(ChatQuestion question)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(question.Message))
        {
            errors.Add(new("message", "is required."));
        }
        else if (question.Message.Length > _options.MaxMessageLength)
        {
            errors.Add(new("message", $"must be at most {_options.MaxMessageLength} characters (it has {question.Message.Length})."));
        }
        if (string.IsNullOrWhiteSpace(question.CustomerId))
        {
            errors.Add(new("customerId", "is required: the API key's customer, or for an admin key the customerId field."));
        }
        return errors;
    }
}
