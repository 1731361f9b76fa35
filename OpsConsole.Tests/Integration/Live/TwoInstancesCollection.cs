namespace OpsConsole.Tests.Integration.Live;

/// <summary>The hub test classes share one pair of app instances instead of starting a pair each.</summary>
[CollectionDefinition(TwoInstances.Collection)]
public sealed class TwoInstancesCollection : ICollectionFixture<TwoInstances>;
