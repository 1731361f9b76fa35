namespace OpsConsole.E2E.Support;

/// <summary>Every end-to-end test shares one running app and one browser, and they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<ConsoleApp>, ICollectionFixture<Chromium>
{
    public const string Name = "E2E";
}
