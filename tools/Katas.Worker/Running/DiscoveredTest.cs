using Katas.Runner.Protocol;

namespace Katas.Worker.Running;

/// <summary>A test as NUnit loaded it: its id in this run (for filters) and what the supervisor is told.</summary>
internal sealed record DiscoveredTest(string Id, TestCase Case);
