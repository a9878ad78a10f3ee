using System.Runtime.InteropServices;
using Katas.Worker;

// The katas' test worker: started by tools/Katas.Runner, it reads its key and setup from standard input, then one run
// request per line, and reports on standard output. See WorkerLoop.

// Ctrl+C in a terminal reaches every process of the foreground group, the worker too. It is the supervisor's to handle:
// it stops the run and ends its workers itself, so a test interrupted this way is "stopped", never "crashed".
using PosixSignalRegistration ignoreCtrlC = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => signal.Cancel = true);
return WorkerLoop.Run(Console.In);
