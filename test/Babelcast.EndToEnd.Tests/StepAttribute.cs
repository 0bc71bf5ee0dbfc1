namespace Babelcast.EndToEnd.Tests;

/// <summary>The place of a test in a class whose tests share one live broadcast and run as its successive steps.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int order) : Attribute
{
    public int Order { get; } = order;
}
