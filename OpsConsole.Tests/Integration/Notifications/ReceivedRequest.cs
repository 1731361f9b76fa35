namespace OpsConsole.Tests.Integration.Notifications;

sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string? ContentType, string Body);
