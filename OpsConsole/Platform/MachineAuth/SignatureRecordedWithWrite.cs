using Npgsql;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// Endpoint metadata: the endpoint records the request's signature in the transaction of its own write
/// (<see cref="MachineReplayGuard.AddTo"/>), so an accepted request costs one transaction, not two. The verifier then leaves
/// the signature on the request as a <see cref="MachineSignatureRecord"/> feature instead of recording it first, and a
/// replay is refused when the write finds the signature used: the write rolls back whole, so nothing of it is stored, and
/// the answer is the same 401 as a replay refused up front. A request the endpoint refuses before writing (a 400) leaves
/// no record, which is safe: it changed nothing, so its replay changes nothing either.
/// </summary>
public sealed class SignatureRecordedWithWrite
{
    public static readonly SignatureRecordedWithWrite Instance = new();

    SignatureRecordedWithWrite() { }
}

public static class SignatureRecordedWithWriteExtensions
{
    /// <summary>Marks the endpoint as recording the signature with its write, and answers a replay found there with a 401.</summary>
    public static RouteHandlerBuilder RecordSignatureWithWrite(this RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(SignatureRecordedWithWrite.Instance)
        .AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (PostgresException ex) when (MachineReplayGuard.IsReplay(ex))
            {
                return MachineRefusal.Replay();
            }
        });

    /// <summary>The signature the endpoint is to record with its write; null when the request was not signed.</summary>
    public static MachineSignatureRecord? SignatureToRecord(this HttpContext http) => http.Features.Get<MachineSignatureRecord>();
}
