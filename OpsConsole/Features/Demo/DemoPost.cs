namespace OpsConsole.Features.Demo;

/// <summary>One request a simulated feed sends: to which ingest endpoint, and the JSON body.</summary>
public sealed record DemoPost(string Path, string Body);
