using OpsConsole.Domain.Approvals;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Features.Stellar;

/// <summary>Redoes a dead-lettered build (for a request) or record (for a submission) through the guarded path: the
/// request is built for only if it still passes the guards, and a stored envelope is only sent again or looked up.</summary>
sealed class SubmissionRetry(string aggregateType, string operation, MintSubmitter submitter) : IDeadLetterHandler
{
    public string? Source => null;
    public string AggregateType => aggregateType;
    public string Operation => operation;

    public Task<RetryResult> RetryAsync(DeadLetter letter, CancellationToken ct) =>
        Guid.TryParse(letter.AggregateId, out var id)
            ? submitter.RetryAsync(operation, id, ct)
            : Task.FromResult(RetryResult.Failure($"'{letter.AggregateId}' is not an id."));

    public static IServiceCollection Register(IServiceCollection services)
    {
        services.AddScoped<IDeadLetterHandler>(sp =>
            new SubmissionRetry(ApprovalAuditActions.SubjectType, MintSubmitter.BuildOperation, sp.GetRequiredService<MintSubmitter>()));
        services.AddScoped<IDeadLetterHandler>(sp =>
            new SubmissionRetry(StellarAuditActions.SubjectType, MintSubmitter.RecordOperation, sp.GetRequiredService<MintSubmitter>()));
        return services;
    }
}
