namespace Babelcast.Server.Tests.Service;

/// <summary>The service tests share one staged install (one publish).</summary>
[CollectionDefinition(Name)]
public sealed class StagedInstallCollection : ICollectionFixture<StagedInstall>
{
    public const string Name = "staged-install";
}
