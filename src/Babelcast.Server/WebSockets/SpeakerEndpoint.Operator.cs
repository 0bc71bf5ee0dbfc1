using System.Text.Json;
using Babelcast.Core.Protocol;
using Babelcast.Server.Operator;

namespace Babelcast.Server.WebSockets;

/// <summary>The operator's console messages: a Bible passage to send (<c>scripture</c>), a line of prepared text (<c>cue</c>).</summary>
internal sealed partial class SpeakerEndpoint
{
    /// <summary>
    /// Reading the Bibles happens before the next message is read (a cached passage costs nothing; an uncached one a
    /// diatheke run per Bible), so that the passage takes its place in the log where the operator confirmed it.
    /// </summary>
    private async Task OnScriptureAsync(LiveConnection me, ClientMessage parsed, CancellationToken ct)
    {
        if (!parsed.Root.TryGetProperty(MessageFields.Ref, out var field) || field.ValueKind != JsonValueKind.String
            || field.GetString() is not { Length: > 0 and <= Endpoints.ScriptureEndpoints.MaxReferenceLength } reference)
        {
            refusal.Report(me, Path, ErrorCodes.InvalidMessage,
                $"A scripture message needs \"ref\": a reference of 1 to {Endpoints.ScriptureEndpoints.MaxReferenceLength} characters, e.g. \"John 3:16\".");
            return;
        }

        var language = connections.Find(me.SessionId)?.SourceLanguage ?? ScripturePhraseBuilder.SourceLanguage;
        Report(me, await console.SendScriptureAsync(me.SessionId, language, reference, ct));
    }

    private void OnCue(LiveConnection me, ClientMessage parsed)
    {
        if (!parsed.Root.TryGetProperty(MessageFields.Index, out var field) || field.ValueKind != JsonValueKind.Number || !field.TryGetInt32(out var index))
        {
            refusal.Report(me, Path, ErrorCodes.InvalidMessage, "A cue message needs \"index\": the line's number in the prepared text, from 0.");
            return;
        }

        Report(me, console.SendCue(me.SessionId, index));
    }

    /// <summary><c>{type:"follow", on}</c>: follow the speaker through the prepared text, acknowledged with <c>followStatus</c>.</summary>
    private void OnFollow(LiveConnection me, ClientMessage parsed)
    {
        if (!parsed.Root.TryGetProperty(MessageFields.On, out var field) || field.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            refusal.Report(me, Path, ErrorCodes.InvalidMessage, "A follow message needs \"on\": true or false.");
            return;
        }

        Report(me, console.SetFollow(me.SessionId, field.GetBoolean()));
    }

    private void Report(LiveConnection me, OperatorRefusal? refused)
    {
        if (refused is not null)
        {
            refusal.Report(me, Path, refused.Code, refused.Message);
        }
    }
}
