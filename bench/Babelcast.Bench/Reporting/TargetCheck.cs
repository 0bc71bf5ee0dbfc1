namespace Babelcast.Bench.Reporting;

/// <summary>One target from the issue against what was measured.</summary>
public sealed record TargetCheck(string Name, string Bar, string Measured, bool Met);
