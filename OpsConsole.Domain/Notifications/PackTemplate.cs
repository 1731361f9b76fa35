namespace OpsConsole.Domain.Notifications;

/// <summary>One pack event's words in one language; <c>{tenant}</c>, <c>{run}</c>, <c>{approval}</c> and <c>{gate}</c>
/// stand for the event's values.</summary>
/// <param name="Subject">The email subject, and the title of the webhook body and of the bell's entry.</param>
/// <param name="Intro">The first line: what happened and what is asked.</param>
/// <param name="LinkText">The words of the link into the console.</param>
public sealed record PackTemplate(string Subject, string Intro, string LinkText);
