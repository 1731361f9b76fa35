using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using OpsConsole.Domain.Approvals;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Features.Funding;

/// <summary>
/// GET and POST /api/funding/handles for machine clients holding Funding:Admin: list, read, add (201) and edit or
/// (de)activate one (200). 400 names each field at fault with nothing stored, 404 no such handle, 409 the change could not
/// be made now.
/// </summary>
static class FundingHandlesApi
{
    public const string Path = "/api/funding/handles";

    public static void MapFundingHandlesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).DisableAntiforgery().WithTags("Funding")
            .RequireAuthorization(MachinePolicies.PolicyName(FundingFeature.AdminScope));
        api.MapGet("/", async (FundingHandles handles, CancellationToken ct) =>
                TypedResults.Ok((await handles.ListAsync(ct)).Select(FundingHandleView.Of).ToList()))
            .WithSummary("List the funding handles, active first");
        api.MapGet("/{id:guid}", async Task<Results<Ok<FundingHandleView>, ProblemHttpResult>> (Guid id, FundingHandles handles, CancellationToken ct) =>
                await handles.FindAsync(id, ct) is { } handle ? TypedResults.Ok(FundingHandleView.Of(handle)) : Missing())
            .WithSummary("Read one funding handle");
        api.MapPost("/", AddAsync).Accepts<FundingHandleBody>("application/json").WithSummary("Add a funding handle");
        api.MapPost("/{id:guid}", SaveAsync).Accepts<FundingHandleBody>("application/json")
            .WithSummary("Edit a funding handle, or switch it off or on with active");
    }

    static async Task<IResult> AddAsync(HttpContext http, ClaimsPrincipal user, FundingHandles handles, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync(http, ct);
        if (body is null)
            return problem!;
        var result = await handles.AddAsync(user, body.ToInput(true), ct);
        if (!result.Succeeded)
            return Refused(result);
        var view = FundingHandleView.Of((await handles.FindAsync(result.Id, ct))!);
        return TypedResults.Created($"{Path}/{view.Id}", view);
    }

    static async Task<IResult> SaveAsync(Guid id, HttpContext http, ClaimsPrincipal user, FundingHandles handles, CancellationToken ct)
    {
        var (body, problem) = await ReadAsync(http, ct);
        if (body is null)
            return problem!;
        if (await handles.FindAsync(id, ct) is not { } current)
            return Missing();
        var result = await handles.SaveAsync(user, id, body.ToInput(current.Active), expectedVersion: null, ct);
        return result.Succeeded ? TypedResults.Ok(FundingHandleView.Of((await handles.FindAsync(id, ct))!)) : Refused(result);
    }

    /// <summary>The body as a handle, or the problem that names what is wrong with it.</summary>
    static async Task<(FundingHandleBody? Body, ValidationProblem? Problem)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        const string Shape = "The body must be a JSON object: { chain, asset, account, depositAddress, label } as strings, and active as true or false.";
        try
        {
            return await JsonSerializer.DeserializeAsync<FundingHandleBody>(http.Request.Body, JsonSerializerOptions.Web, ct) is { } body
                ? (body, null)
                : (null, Invalid([new("body", Shape)]));
        }
        catch (JsonException ex)
        {
            return (null, Invalid([new("body", $"{Shape} {ex.Message}")]));
        }
    }

    static IResult Refused(FundingHandleResult result)
    {
        if (result.NotFound)
            return Missing();
        if (result.Errors.Any(e => e.Field.Length == 0))
            return TypedResults.Problem(string.Join(" ", result.Errors.Select(e => e.Message)), statusCode: StatusCodes.Status409Conflict,
                title: "The handle was not changed");
        return Invalid(result.Errors);
    }

    static ValidationProblem Invalid(IReadOnlyList<FieldError> errors) => TypedResults.ValidationProblem(
        errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
        title: "The handle is not valid; nothing was stored", detail: $"Fields at fault: {string.Join(", ", errors.Select(e => e.Field).Distinct())}.");

    static ProblemHttpResult Missing() =>
        TypedResults.Problem("No funding handle has this id.", statusCode: StatusCodes.Status404NotFound, title: "No such handle");
}
