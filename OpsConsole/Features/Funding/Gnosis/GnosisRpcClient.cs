using Nethereum.Contracts;
using Nethereum.Contracts.Standards.ERC20.ContractDefinition;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.Blocks;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Filters;
using Nethereum.RPC.Eth.Transactions;
using Nethereum.Util;

namespace OpsConsole.Features.Funding.Gnosis;

/// <summary>
/// Gnosis JSON-RPC (Gnosis:RpcUrl, or the simulated chain) for the funding observer: the tip, the EURe Transfer logs to an
/// address over a block range, a transaction's receipt, a block's hash by height, and whether a transaction is known.
/// Nethereum sends the calls over the HttpClient it is given (so the shared resilience applies) and decodes the answers;
/// every failure becomes a <see cref="GnosisRpcException"/> that names the call.
/// </summary>
public sealed class GnosisRpcClient
{
    public const string ClientName = "gnosis-rpc";

    readonly RpcClient rpc;

    public GnosisRpcClient(HttpClient http) => rpc = new RpcClient(http.BaseAddress!, http);

    public async Task<long> BlockNumberAsync(CancellationToken ct) =>
        (long)(await CallAsync("eth_blockNumber", () => new EthBlockNumber(rpc).SendRequestAsync(), ct)).Value;

    /// <summary>The Transfer events of <paramref name="contract"/> to <paramref name="address"/> in blocks
    /// <paramref name="from"/> to <paramref name="to"/>, oldest first.</summary>
    public async Task<IReadOnlyList<EureTransferLog>> TransfersToAsync(string contract, string address, long from, long to, CancellationToken ct)
    {
        var filter = new NewFilterInput
        {
            FromBlock = new BlockParameter((ulong)from),
            ToBlock = new BlockParameter((ulong)to),
            Address = [contract],
            // topic0 the event, topic1 any sender, topic2 the handle.
            Topics = [Erc20Transfers.Topic, null, Erc20Transfers.AddressTopic(address)],
        };
        var logs = await CallAsync("eth_getLogs", () => new EthGetLogs(rpc).SendRequestAsync(filter), ct) ?? [];
        return Decode(logs, contract, address);
    }

    /// <summary>The receipt of a mined transaction, with its Transfer events of <paramref name="contract"/> to
    /// <paramref name="address"/>; null when the node knows no mined transaction of that hash.</summary>
    public async Task<EureReceipt?> ReceiptAsync(string txHash, string contract, string address, CancellationToken ct)
    {
        var receipt = await CallAsync("eth_getTransactionReceipt", () => new EthGetTransactionReceipt(rpc).SendRequestAsync(txHash), ct);
        if (receipt?.BlockNumber is null || receipt.BlockHash is null)
            return null;
        return new EureReceipt((long)receipt.BlockNumber.Value, receipt.BlockHash.ToLowerInvariant(), Decode(receipt.Logs ?? [], contract, address));
    }

    /// <summary>The hash of the chain's block at <paramref name="height"/> now, or null above the tip.</summary>
    public async Task<string?> BlockHashAsync(long height, CancellationToken ct) =>
        (await CallAsync("eth_getBlockByNumber", () => new EthGetBlockWithTransactionsHashesByNumber(rpc).SendRequestAsync(new HexBigInteger(height)), ct))
            ?.BlockHash?.ToLowerInvariant();

    /// <summary>Whether the node knows the transaction at all, mined or waiting to be.</summary>
    public async Task<bool> KnowsAsync(string txHash, CancellationToken ct) =>
        await CallAsync("eth_getTransactionByHash", () => new EthGetTransactionByHash(rpc).SendRequestAsync(txHash), ct) is not null;

    /// <summary>The Transfer events among <paramref name="logs"/> that the contract logged to the address; the node was asked
    /// for only those, and what else it sends is not a deposit.</summary>
    static List<EureTransferLog> Decode(IEnumerable<FilterLog> logs, string contract, string address)
    {
        var found = new List<EureTransferLog>();
        foreach (var log in logs)
        {
            if (!AddressUtil.Current.AreAddressesTheSame(log.Address, contract) || !log.IsLogForEvent<TransferEventDTO>())
                continue;
            var transfer = log.DecodeEvent<TransferEventDTO>().Event;
            if (AddressUtil.Current.AreAddressesTheSame(transfer.To, address) && log.BlockNumber is { } block && log.TransactionHash is { } tx)
                found.Add(new EureTransferLog(tx.ToLowerInvariant(), (long)block.Value, log.BlockHash?.ToLowerInvariant() ?? "",
                    (long)(log.LogIndex?.Value ?? 0), Erc20Transfers.Amount(transfer.Value), log.Removed));
        }
        return found;
    }

    /// <summary>The call's answer; Nethereum takes no cancellation token, so cancelling stops the wait, not the request.</summary>
    static async Task<T> CallAsync<T>(string method, Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call().WaitAsync(ct);
        }
        catch (Exception ex) when (ex is RpcClientUnknownException or RpcClientTimeoutException or RpcResponseException or RpcResponseFormatException
            or HttpRequestException or Newtonsoft.Json.JsonException or FormatException or OverflowException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new GnosisRpcException($"{method} got no usable answer: {Reason(ex)}", ex);
        }
    }

    /// <summary>Nethereum wraps the HTTP failure: its message says only which call failed, the inner one why.</summary>
    static string Reason(Exception ex) => ex switch
    {
        RpcResponseException rpc when rpc.RpcError is { } error => $"error {error.Code}: {error.Message}",
        { InnerException: { } inner } => $"{ex.Message} ({Reason(inner)})",
        _ => ex.Message,
    };
}
