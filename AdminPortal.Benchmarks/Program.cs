using AdminPortal.Benchmarks;

// Benchmarks run on demand (scripts/bench.sh), never as tests: their figures go in the README.
return await BenchmarkRunner.RunAsync(args);
