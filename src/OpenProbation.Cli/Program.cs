using OpenProbation.Cli;

return await OpenProbationCli.RunAsync(args);
