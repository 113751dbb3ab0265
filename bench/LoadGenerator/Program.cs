using StepOrders.LoadGenerator;

return await LoadRun.MainAsync(args);
