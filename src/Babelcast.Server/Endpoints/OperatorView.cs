namespace Babelcast.Server.Endpoints;

/// <summary>One co-operator of a session, as its owner sees it.</summary>
internal sealed record OperatorView(string Username, DateTime InvitedAt)
{
    public static OperatorView From(Core.Storage.OperatorRecord record) => new(record.UserId, record.InvitedAt.UtcDateTime);
}
