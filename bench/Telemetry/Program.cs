using StepOrders.TelemetryBench;

return await OverheadRun.MainAsync(args);
