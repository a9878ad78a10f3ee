// These tests start worker processes on purpose, and most of their time is spent waiting for one to start, crash or
// reach a time limit, so their fixtures run side by side (tests/side-by-side.runsettings sets the number of test workers). A fixture
// whose tests share one warm runner keeps them one at a time (ParallelScope.Self); fixtures whose tests each start their
// own runners let them overlap too (ParallelScope.All). Nothing here runs TorchSharp in the test host itself.
[assembly: Parallelizable(ParallelScope.Fixtures)]
