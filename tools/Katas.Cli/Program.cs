using Katas.Cli;

// The `katas` tool: ./kata <command>. Its commands are in Commands/ and in the katas' kits (kits/NN-name).
return KatasApp.Run(args);
