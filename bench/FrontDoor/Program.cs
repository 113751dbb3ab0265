using StepOrders.FrontDoorBench;

return await CostRun.MainAsync(args);
