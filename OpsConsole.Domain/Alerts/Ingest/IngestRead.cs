using OpsConsole.Domain.Approvals;

namespace OpsConsole.Domain.Alerts.Ingest;

/// <summary>The records of one request, or every field at fault; records are kept only when there is no error at all.</summary>
public sealed record IngestRead<T>(IReadOnlyList<T> Records, IReadOnlyList<FieldError> Errors);
