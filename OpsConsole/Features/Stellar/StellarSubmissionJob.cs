using System.ComponentModel;
using Quartz;

namespace OpsConsole.Features.Stellar;

[DisallowConcurrentExecution]
[Description("Submits approved mints to Stellar and reconciles open transactions")]
sealed class StellarSubmissionJob(MintSubmitter submitter) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        context.Result = await submitter.RunAsync(cancellationToken);
}
