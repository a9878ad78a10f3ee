using Katas.Worker;

// The katas' test worker: started by tools/Katas.Runner, it reads its key and setup from standard input, then one run
// request per line, and reports on standard output. See WorkerLoop.
return WorkerLoop.Run(Console.In);
