using System.Globalization;
using Babelcast.Core.Protocol;
using Babelcast.Server.Endpoints;
using Microsoft.Extensions.Options;

namespace Babelcast.Server.Capacity;

/// <summary>
/// <c>POST /api/sessions</c> on a full node: a speaker learns before starting the service that it could not be carried
/// (503 <c>CAPACITY_EXCEEDED</c> with Retry-After), instead of creating a session whose speaker would then be refused.
/// </summary>
internal sealed class SessionCreationCapacity(SpeakingSessions speaking, IOptions<CapacityOptions> options)
{
    /// <summary>The refusal to answer with, or null when the node can take another speaking session.</summary>
    public IResult? Refusal(HttpContext context)
    {
        var o = options.Value;
        if (!o.RefuseSessionCreation || !speaking.IsFull)
        {
            return null;
        }

        context.Response.Headers.RetryAfter = o.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Create(StatusCodes.Status503ServiceUnavailable, ErrorCodes.CapacityExceeded, SpeakerCapacityGate.FullMessage(speaking.Limit),
            new Dictionary<string, object?> { ["retryAfter"] = o.RetryAfterSeconds, ["limit"] = speaking.Limit });
    }
}
