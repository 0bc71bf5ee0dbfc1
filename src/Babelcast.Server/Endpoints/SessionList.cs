namespace Babelcast.Server.Endpoints;

internal sealed record SessionList(IReadOnlyList<SessionView> Sessions);
