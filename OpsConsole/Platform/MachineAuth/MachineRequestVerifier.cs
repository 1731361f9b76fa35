using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OpsConsole.Platform.Security;
using static OpsConsole.Platform.MachineAuth.MachineSignature;

namespace OpsConsole.Platform.MachineAuth;

/// <summary>
/// Checks one signed request: headers, key, clock, body hash, signature, address, then replay (in that order); for an
/// endpoint marked <see cref="SignatureRecordedWithWrite"/> the replay check is left to its write.
/// </summary>
sealed class MachineRequestVerifier(IOptions<MachineClientOptions> options, TimeProvider time, MachineReplayGuard replays)
{
    public const int MaxBodyBytes = RequestBodyLimit.MaxBytes;

    /// <summary>The check that refuses a key used from an address outside its allowlist: answered 403, not 401.</summary>
    public const string AddressCheck = "address";

    public async Task<MachineVerdict> VerifyAsync(HttpRequest request, CancellationToken ct)
    {
        foreach (var header in new[] { KeyHeader, TimestampHeader, SignatureHeader })
            if (request.Headers[header].Count != 1 || string.IsNullOrWhiteSpace(request.Headers[header]))
                return MachineVerdict.Refuse(header, request.Headers[header].Count > 1 ? $"{header} header must appear once" : $"{header} header is missing");
        string keyId = request.Headers[KeyHeader]!, timestamp = request.Headers[TimestampHeader]!, signature = request.Headers[SignatureHeader]!;

        if (!options.Value.Keys.TryGetValue(keyId, out var key))
            return MachineVerdict.Refuse(KeyHeader, $"{KeyHeader} '{Shorten(keyId)}' is not a known key");

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds))
            return MachineVerdict.Refuse(TimestampHeader, $"{TimestampHeader} must be Unix seconds (digits only), not '{Shorten(timestamp)}'");
        var now = time.GetUtcNow();
        var skew = Math.Abs(now.ToUnixTimeSeconds() - unixSeconds);
        if (skew > (long)MaxClockSkew.TotalSeconds)
            return MachineVerdict.Refuse(TimestampHeader,
                $"{TimestampHeader} is {skew} s away from server time; the limit is {(long)MaxClockSkew.TotalSeconds} s");

        if (signature.Length != 64 || !signature.All(char.IsAsciiHexDigit))
            return MachineVerdict.Refuse(SignatureHeader, $"{SignatureHeader} must be 64 lowercase hex characters (HMAC-SHA256)");

        var bodyHash = await HashBodyAsync(request, ct);
        var pathAndQuery = PathAndQuery(request);
        var expected = Compute(key.Secret, request.Method, pathAndQuery, timestamp, bodyHash);
        if (!Matches(expected, signature))
            return MachineVerdict.Refuse(SignatureHeader,
                $"{SignatureHeader} does not match this request for key '{keyId}': sign the string shown in stringToSign with the key's secret",
                StringToSign(request.Method, pathAndQuery, timestamp, bodyHash));

        // After the signature, so that only the key's holder learns that the address is what was refused; the list itself is not told.
        if (!key.Allows(request.HttpContext.Connection.RemoteIpAddress))
            return MachineVerdict.Refuse(AddressCheck,
                $"Key '{keyId}' is not accepted from this address ({MachineClientOptions.Section}:{keyId}:AllowedAddresses)");

        // Recorded only once the signature is proven, so forged requests cannot fill the table: here, or by an endpoint that
        // records it within its own write.
        var record = new MachineSignatureRecord(expected, keyId, now);
        if (request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<SignatureRecordedWithWrite>() is not null)
            request.HttpContext.Features.Set(record);
        else if (!await replays.TryRecordAsync(record, ct))
            return MachineVerdict.Refuse(MachineReplayGuard.Check, MachineReplayGuard.Detail);
        return MachineVerdict.Accept(keyId, key);
    }

    /// <summary>The request target exactly as the client sent it, which is what the client signed.</summary>
    static string PathAndQuery(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        return raw is { Length: > 0 } && raw[0] == '/' ? raw : request.GetEncodedPathAndQuery();
    }

    /// <summary>Hashes the body and rewinds it for the endpoint; a body over the limit is a 413 (<see cref="RequestBodyLimit"/>).</summary>
    static async Task<string> HashBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
            throw RequestBodyLimit.TooLarge();
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            long total = 0;
            int read;
            while ((read = await request.Body.ReadAsync(buffer, ct)) > 0)
            {
                if ((total += read) > MaxBodyBytes)
                    throw RequestBodyLimit.TooLarge();
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            request.Body.Position = 0;
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
