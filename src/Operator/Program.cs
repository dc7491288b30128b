using SiteMaintenance.Operator.Hosting;
using SiteMaintenance.Operator.Reconcile;

// The operator process: flags, --help and exit codes are OperatorProgram's; the host is OperatorHost's.
return await OperatorProgram.RunAsync(args, services => services.AddSiteReconciler(), Console.Out, Console.Error);
