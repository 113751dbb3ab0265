using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using StepOrders.Chat.Tests.Support;
using StepOrders.Orders;
using StepOrders.Orders.Telemetry;

namespace StepOrders.Chat.Tests;

public sealed class ChatMetricsTests : IDisposable
{
    private readonly Shop _shop = new();
    private readonly OrderMetrics _metrics = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, string Tags)> _measured = [];

    public ChatMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, _metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    [Fact]
    public async Task A_template_answer_is_counted_as_one_from_templates_and_calls_no_model()
    {
        var assistant = new ChatAssistant(_shop.Store, new ChatAssistantOptions(), _shop.Time, NullLogger<ChatAssistant>.Instance, model: null, _metrics);

        await Ask(assistant);

        Assert.Equal([(OrderMetrics.Names.ChatRequests, 1.0, "source=template")], _measured);
    }

    [Fact]
    public async Task A_model_answer_is_counted_as_one_from_the_model_and_its_call_is_timed()
    {
        var model = new StubChatClient(_ => $"Your order {_shop.AliceOrders[OrderStatus.Fulfillment].Id} is being prepared.");
        var assistant = new ChatAssistant(_shop.Store, new ChatAssistantOptions(), _shop.Time, NullLogger<ChatAssistant>.Instance, model, _metrics);

        await Ask(assistant);

        Assert.Equal(
            [(OrderMetrics.Names.ChatModelDuration, "outcome=succeeded"), (OrderMetrics.Names.ChatRequests, "source=model")],
            _measured.Select(m => (m.Instrument, m.Tags)).Order());
    }

    private Task<ChatResult> Ask(ChatAssistant assistant) =>
        assistant.AnswerAsync(new ChatQuestion($"Where is {_shop.AliceOrders[OrderStatus.Fulfillment].Id}?", Shop.Alice), CancellationToken.None);

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = string.Join(",", tags.ToArray().Select(tag => $"{tag.Key}={tag.Value}"));
        lock (_measured)
        {
            _measured.Add((instrument.Name, value, text));
        }
    }
}
