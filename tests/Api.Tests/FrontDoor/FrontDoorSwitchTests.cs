using System.Net;
using StepOrders.Local;

namespace StepOrders.Api.Tests.FrontDoor;

public sealed class FrontDoorSwitchTests
{
    [Fact]
    public void The_no_front_door_switch_becomes_the_setting_without_taking_the_next_argument()
    {
        Assert.Equal(["--FrontDoor:Enabled=false", "--urls", "http://127.0.0.1:9"], CommandLineSwitches.Expand(["--no-front-door", "--urls", "http://127.0.0.1:9"]));
    }

    [Fact]
    public async Task With_the_front_door_off_every_request_is_an_unthrottled_admins_and_none_is_logged()
    {
        await using var host = new FrontDoorHost(settings: new Dictionary<string, string> { ["FrontDoor:Enabled"] = "false" });
        var client = host.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 250).Select(_ => client.GetAsync("/admin/dead-letters")));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Empty(await host.AccessLinesAsync());
    }
}
