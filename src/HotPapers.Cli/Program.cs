using HotPapers.Cli;

return await HotPapersCli.RunAsync(args, Console.Out, Console.Error);
