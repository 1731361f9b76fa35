namespace OpsConsole.Domain.Funding;

/// <summary>A transfer's status and its confirmations, as one observation records them.</summary>
public sealed record FundingStep(string Status, int Confirmations);
