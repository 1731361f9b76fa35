namespace OpsConsole.Features.Funding.Pipeline;

/// <summary>The funding pipeline as the wall and the overview show it; Funding owns it, they only read it.</summary>
public interface IFundingPipeline
{
    Task<FundingPipeline> ReadAsync(CancellationToken ct = default);
}
