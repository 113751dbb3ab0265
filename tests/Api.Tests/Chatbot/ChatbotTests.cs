using System.Net;
using System.Net.Http.Json;

namespace StepOrders.Api.Tests.Chatbot;

public sealed class ChatbotTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task A_customer_key_asks_about_its_own_orders()
    {
        var dora = await host.ClientAsync(customerId: "dora");
        var order = await OrderBody.ReadAsync(await dora.PlaceAsync(Requests.Order(customerId: "dora")));

        var response = await dora.PostAsJsonAsync("/chatbot", new { message = $"Where is my order {order.OrderId}?" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<AnswerBody>();
        Assert.Equal([order.OrderId], answer!.OrderIds);
        Assert.Equal("template", answer.Source);
        Assert.False(string.IsNullOrWhiteSpace(answer.Reply));
        Assert.False(string.IsNullOrWhiteSpace(answer.ConversationId));
    }

    [Fact]
    public async Task A_customer_key_cannot_chat_about_another_customers_orders()
    {
        var admin = await host.ClientAsync(admin: true);
        var erin = await host.ClientAsync(customerId: "erin");
        var franksOrder = await OrderBody.ReadAsync(await admin.PlaceAsync(Requests.Order(customerId: "frank")));

        var naming = await erin.PostAsJsonAsync("/chatbot", new { message = "What about my orders?", customerId = "frank" });
        var asking = await erin.PostAsJsonAsync("/chatbot", new { message = $"Where is order {franksOrder.OrderId}?" });
        var asAdmin = await admin.PostAsJsonAsync("/chatbot", new { message = $"Where is order {franksOrder.OrderId}?", customerId = "frank" });

        await Problem.ReadAsync(naming, HttpStatusCode.NotFound);
        var erinsAnswer = await asking.Content.ReadFromJsonAsync<AnswerBody>();
        Assert.Empty(erinsAnswer!.OrderIds);
        Assert.DoesNotContain(franksOrder.Total.ToString(System.Globalization.CultureInfo.InvariantCulture), erinsAnswer.Reply, StringComparison.Ordinal);
        Assert.Equal([franksOrder.OrderId], (await asAdmin.Content.ReadFromJsonAsync<AnswerBody>())!.OrderIds);
    }

    [Fact]
    public async Task An_admin_key_must_name_the_customer()
    {
        var admin = await host.ClientAsync(admin: true);

        var problem = await Problem.ReadAsync(await admin.PostAsJsonAsync("/chatbot", new { message = "Where is my order?" }), HttpStatusCode.BadRequest);

        Assert.Equal("customerId", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task An_empty_message_is_a_400_problem_naming_it()
    {
        var gina = await host.ClientAsync(customerId: "gina");

        var problem = await Problem.ReadAsync(await gina.PostAsJsonAsync("/chatbot", new { message = " " }), HttpStatusCode.BadRequest);

        Assert.Equal("message", Assert.Single(problem.Errors!).Key);
    }

    [Fact]
    public async Task The_chatbot_needs_a_key()
    {
        await Problem.ReadAsync(await host.CreateClient().PostAsJsonAsync("/chatbot", new { message = "hi" }), HttpStatusCode.Unauthorized);
    }

    private sealed record AnswerBody(string Reply, List<string> OrderIds, string Source, string ConversationId);
}
