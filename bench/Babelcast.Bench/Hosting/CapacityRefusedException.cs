namespace Babelcast.Bench.Hosting;

/// <summary>The server refused a session or its speaker with <c>CAPACITY_EXCEEDED</c>: counted as refused, not as lag.</summary>
public sealed class CapacityRefusedException : Exception
{
    public CapacityRefusedException()
    {
    }

    public CapacityRefusedException(string message)
        : base(message)
    {
    }

    public CapacityRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
