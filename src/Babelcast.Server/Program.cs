using Babelcast.Server.Cli;
using Babelcast.Server.Hosting;

if (args.Length > 0 && args[0] == "users")
{
    return await UsersCommand.RunAsync(args[1..], Console.In, Console.Out, Console.Error, CancellationToken.None);
}

var app = BabelcastApp.Build(args);
await app.RunAsync();
return 0;
