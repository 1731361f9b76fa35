namespace OpsConsole.Features.Alerts;

/// <summary>The audit actions of alerts, and the subjects they are about.</summary>
public static class AlertAuditActions
{
    /// <summary>An alert, by the id of its raised event.</summary>
    public const string SubjectType = "alert";
    public const string SilenceSubjectType = "alert_silence";
    public const string EvaluatorSubjectType = "alert_evaluator";
    public const string EvaluatorSubjectId = "evaluator";

    public const string Raised = "alert.raised";
    public const string Cleared = "alert.cleared";
    public const string Reminded = "alert.reminded";
    public const string Acknowledged = "alert.acknowledged";
    public const string Silenced = "alert.silenced";
    public const string SilenceEnded = "alert.silence_ended";
    public const string EvaluatorPaused = "alert.evaluator_paused";
    public const string EvaluatorResumed = "alert.evaluator_resumed";
}
