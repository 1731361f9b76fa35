using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpsConsole.Platform.MachineAuth;

namespace OpsConsole.Platform.OpenApi;

/// <summary>
/// The OpenAPI document of the machine endpoints at /openapi/v1.json: every endpoint under the machine paths, the signature
/// scheme, each schema named with its C# model (<c>x-cs</c>), and the examples features add to their own operations.
/// Pages are not in it.
/// </summary>
public static class MachineApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/{documentName}.json";
    public const string ModelExtension = "x-cs";

    public static IServiceCollection AddMachineApiDocument(this IServiceCollection services)
    {
        services.AddOpenApi(Name, o =>
        {
            o.ShouldInclude = d => d.RelativePath is { } path && MachinePaths.Contains("/" + path);
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "OpsConsole machine API",
                    Version = Name,
                    Description = $"""
                        Every request is signed: {MachineSignature.KeyHeader} names the key, {MachineSignature.TimestampHeader} is Unix seconds
                        (within {(int)MachineSignature.MaxClockSkew.TotalMinutes} minutes of the server), and {MachineSignature.SignatureHeader} is the
                        lowercase hex HMAC-SHA256 with the key's secret of METHOD + "\n" + path-and-query + "\n" + timestamp + "\n" + lowercase
                        hex SHA-256 of the body. A signature is accepted once. Errors are RFC 9457 problem+json naming the field or check at fault.
                        429 and 503 carry Retry-After.
                        """,
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[MachineHmacHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = MachineSignature.SignatureHeader,
                    Description = $"With {MachineSignature.KeyHeader} and {MachineSignature.TimestampHeader}; see the description above.",
                };
                document.Security ??= [];
                document.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(MachineHmacHandler.SchemeName, document)] = [],
                });
                return Task.CompletedTask;
            });
            // A client generating code, or reading the C# contract, finds the model each schema comes from.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (context.JsonPropertyInfo is null && type.FullName is { } name && name.StartsWith("OpsConsole.", StringComparison.Ordinal))
                    (schema.Extensions ??= new Dictionary<string, IOpenApiExtension>())[ModelExtension] = new JsonNodeExtension(JsonValue.Create(name));
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapMachineApiDocument(this IEndpointRouteBuilder app)
    {
        // The contract is public by design: a client needs it before it holds a key.
        app.MapOpenApi(Path).AllowAnonymous();
        return app;
    }
}
