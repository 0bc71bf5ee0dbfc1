using Babelcast.Server.Cli;
using Babelcast.Server.Hosting;

if (BabelcastCli.Handles(args))
{
    return await BabelcastCli.RunAsync(args, Console.In, Console.Out, Console.Error, CancellationToken.None);
}

return await BabelcastApp.RunAsync(BabelcastApp.Build(args), CancellationToken.None);
