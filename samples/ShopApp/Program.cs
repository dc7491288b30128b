using ShopApp;

// `ShopApp migrate --seconds 20 [--force]` runs a pretend migration under a CommandTask;
// anything else starts the web site.
if (args.Length > 0 && args[0] == "migrate")
{
    return await MigrateCommand.RunAsync(args[1..]);
}

var app = ShopApplication.Build(args);
await app.RunAsync();
return 0;
