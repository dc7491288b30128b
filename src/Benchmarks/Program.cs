using SiteMaintenance.Benchmarks;

// `make bench`: see docs/performance.md.
return await BenchmarkRun.MainAsync(args);
