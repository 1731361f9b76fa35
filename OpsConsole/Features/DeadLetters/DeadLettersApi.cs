using Microsoft.AspNetCore.Http.HttpResults;
using OpsConsole.Domain.DeadLetters;

namespace OpsConsole.Features.DeadLetters;

/// <summary>GET /api/dead-letters and /api/dead-letters/{id}, for tooling; people and machine clients alike.</summary>
static class DeadLettersApi
{
    public const string Path = "/api/dead-letters";
    const int DefaultPageSize = 50;

    public static void MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Path).RequireAuthorization(DeadLettersFeature.ApiReaders);
        api.MapGet("/", List);
        api.MapGet("/{id}", Get);
    }

    static async Task<Results<Ok<DeadLetterListView>, ValidationProblem>> List(
        DeadLetterQuery query, string? status, string? source, string? operation, string? page, string? pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DeadLetterStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<DeadLetterStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(status, out _))
                wanted = s;
            else
                errors["status"] = [$"status must be one of {string.Join(", ", Enum.GetNames<DeadLetterStatus>())}"];
        }
        var pageNumber = Whole(page, "page", 1, int.MaxValue, 1, errors);
        var size = Whole(pageSize, "pageSize", 1, DeadLetterQuery.MaxPageSize, DefaultPageSize, errors);
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, detail: $"Bad query parameter: {string.Join(", ", errors.Keys)}.");

        // Without a status the API lists every record; the page defaults to the Unresolved ones.
        var filter = new DeadLetterFilter(wanted, source, operation);
        var rows = await query.ListAsync(filter, pageNumber - 1, size, ct);
        return TypedResults.Ok(new DeadLetterListView([.. rows.Items.Select(d => DeadLetterView.From(d, full: false))], pageNumber, size, rows.Total));
    }

    static async Task<Results<Ok<DeadLetterView>, ProblemHttpResult>> Get(DeadLetterQuery query, string id, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad path parameter",
                detail: $"id must be a dead-letter id (a GUID); '{id}' is not one.");
        return await query.GetAsync(guid, ct) is { } letter
            ? TypedResults.Ok(DeadLetterView.From(letter, full: true))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Dead letter not found",
                detail: $"No dead letter has the id {guid}.");
    }

    static int Whole(string? text, string name, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text, out var n) && n >= min && n <= max)
            return n;
        errors[name] = [$"{name} must be a whole number from {min} to {max}"];
        return fallback;
    }
}
