using System.Text.Json;
using Babelcast.Core.Pipeline;
using Babelcast.Core.Protocol;

namespace Babelcast.Server.WebSockets;

/// <summary>
/// The speaker's <c>correct</c> message: one of the last final phrases gets new source text. Only the session's owner
/// holds this socket, so only the owner corrects; every refusal is answered with its own code.
/// </summary>
internal sealed partial class SpeakerEndpoint
{
    private async Task OnCorrectAsync(LiveConnection me, ClientMessage parsed, CancellationToken ct)
    {
        var root = parsed.Root;
        if (!root.TryGetProperty(MessageFields.Seq, out var seqField) || seqField.ValueKind != JsonValueKind.Number || !seqField.TryGetInt64(out var seq) ||
            !root.TryGetProperty(MessageFields.Text, out var textField) || textField.ValueKind != JsonValueKind.String)
        {
            refusal.Report(me, Path, ErrorCodes.InvalidMessage, "A correct message needs \"seq\": a whole number, and \"text\": a string.");
            return;
        }

        var text = TypedLine.Collapse(textField.GetString()!);
        var max = correction.Value.MaxLength;
        if (text.Length == 0)
        {
            refusal.Report(me, Path, ErrorCodes.InvalidMessage, "A correction needs text; to remove a line, correct it to a short mark such as \"…\".");
            return;
        }

        if (text.Length > max)
        {
            refusal.Report(me, Path, ErrorCodes.CorrectionTooLong, $"A corrected line has 1 to {max} characters (this one has {text.Length}).");
            return;
        }

        if (connections.Find(me.SessionId) is not { } runtime)
        {
            return;
        }

        var (outcome, retryAfter) = await corrector.CorrectAsync(me.SessionId, runtime.SourceLanguage, seq, text, ct);
        switch (outcome)
        {
            case CorrectionOutcome.NotCorrectable:
                refusal.Report(me, Path, ErrorCodes.PhraseNotCorrectable,
                    $"Phrase {seq} cannot be corrected: only the last {correction.Value.CorrectablePhrases} stored phrases can.");
                break;
            case CorrectionOutcome.RateExceeded:
                refusal.Report(me, Path, ErrorCodes.CorrectionRateExceeded,
                    $"At most {correction.Value.MaxPerMinute} corrections a minute; try again in {retryAfter} s.", retryAfter);
                break;
            case CorrectionOutcome.NotStored:
                refusal.Report(me, Path, ErrorCodes.StorageUnavailable, $"The correction of phrase {seq} could not be saved; nothing was changed.");
                break;
        }
    }
}
