using System.Reflection;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Tests.Integration.AuditPerChange;

/// <summary>
/// Every public method of a service that changes state through the executor is listed here with the test that proves
/// it leaves one audit event per change; a method added later without such a test fails this catalog.
/// </summary>
[Trait("Category", "Domain")]
public class StateChangeCatalogTests
{
    // "Type.Method" → the test that checks its audit events, or why it changes nothing itself.
    static readonly Dictionary<string, string> Catalog = new()
    {
        ["ApprovalService.CreateAsync"] = nameof(ApprovalChangesAuditTests.Each_action_on_a_request_leaves_one_event_and_a_refused_one_none),
        ["ApprovalService.ApproveAsync"] = nameof(ApprovalChangesAuditTests.Each_action_on_a_request_leaves_one_event_and_a_refused_one_none),
        ["ApprovalService.RejectAsync"] = nameof(ApprovalChangesAuditTests.Each_action_on_a_request_leaves_one_event_and_a_refused_one_none),
        ["ApprovalService.CancelAsync"] = nameof(ApprovalChangesAuditTests.Each_action_on_a_request_leaves_one_event_and_a_refused_one_none),
        ["ApprovalService.EscalateNowAsync"] = nameof(ApprovalChangesAuditTests.Each_action_on_a_request_leaves_one_event_and_a_refused_one_none),
        ["ApprovalService.ReassignAsync"] = nameof(ApprovalChangesAuditTests.Each_action_on_a_request_leaves_one_event_and_a_refused_one_none),
        ["ApprovalService.CommentAsync"] = nameof(ApprovalChangesAuditTests.Each_action_on_a_request_leaves_one_event_and_a_refused_one_none),
        ["ApprovalService.OpenAsync"] = nameof(PackChangesAuditTests.Requesting_updating_and_holding_leave_one_event_each_and_repeats_and_conflicts_none),
        ["PackAcks.DecideAsync"] = nameof(PackChangesAuditTests.Requesting_updating_and_holding_leave_one_event_each_and_repeats_and_conflicts_none),
        ["PackPurge.PurgeAsync"] = nameof(PackPurgeAuditTests.A_purge_leaves_one_event_and_keeps_the_requests),
        ["PackEventIntake.AcceptAsync"] = nameof(PackChangesAuditTests.Requesting_updating_and_holding_leave_one_event_each_and_repeats_and_conflicts_none),
        ["PackEventApplier.DecideAsync"] = nameof(PackChangesAuditTests.Requesting_updating_and_holding_leave_one_event_each_and_repeats_and_conflicts_none),
        ["PackEventProcessing.RunAsync"] = nameof(PackChangesAuditTests.Requesting_updating_and_holding_leave_one_event_each_and_repeats_and_conflicts_none),
        ["PackEventProcessing.ApplyOneAsync"] = nameof(PackChangesAuditTests.Requesting_updating_and_holding_leave_one_event_each_and_repeats_and_conflicts_none),
        ["PackEventProcessing.ApplyWaitingAsync"] = nameof(PackChangesAuditTests.Requesting_updating_and_holding_leave_one_event_each_and_repeats_and_conflicts_none),
        ["PackRoutingRules.AddAsync"] = nameof(PackRoutingChangesAuditTests.Adding_editing_switching_and_deleting_a_rule_leave_one_event_each_and_needless_stale_or_bad_changes_none),
        ["PackRoutingRules.SaveAsync"] = nameof(PackRoutingChangesAuditTests.Adding_editing_switching_and_deleting_a_rule_leave_one_event_each_and_needless_stale_or_bad_changes_none),
        ["PackRoutingRules.SetEnabledAsync"] = nameof(PackRoutingChangesAuditTests.Adding_editing_switching_and_deleting_a_rule_leave_one_event_each_and_needless_stale_or_bad_changes_none),
        ["PackRoutingRules.DeleteAsync"] = nameof(PackRoutingChangesAuditTests.Adding_editing_switching_and_deleting_a_rule_leave_one_event_each_and_needless_stale_or_bad_changes_none),
        ["FundingHandles.AddAsync"] = nameof(FundingChangesAuditTests.Adding_editing_deactivating_and_reactivating_a_handle_leave_one_event_each_and_needless_stale_or_bad_changes_none),
        ["FundingHandles.SaveAsync"] = nameof(FundingChangesAuditTests.Adding_editing_deactivating_and_reactivating_a_handle_leave_one_event_each_and_needless_stale_or_bad_changes_none),
        ["FundingHandles.SetActiveAsync"] = nameof(FundingChangesAuditTests.Adding_editing_deactivating_and_reactivating_a_handle_leave_one_event_each_and_needless_stale_or_bad_changes_none),
        ["FundingDemoSeed.SeedAsync"] = nameof(FundingChangesAuditTests.The_demo_handles_leave_one_event_each_and_seeding_again_none),
        ["FundingObserver.PollAsync"] = nameof(FundingChangesAuditTests.Each_change_of_a_transfer_leaves_one_event_and_a_poll_that_finds_no_change_none),
        ["FundingObserverControl.PauseAsync"] = nameof(FundingChangesAuditTests.Pausing_resuming_and_refreshing_the_observer_leave_one_event_each_and_needless_or_refused_ones_none),
        ["FundingObserverControl.ResumeAsync"] = nameof(FundingChangesAuditTests.Pausing_resuming_and_refreshing_the_observer_leave_one_event_each_and_needless_or_refused_ones_none),
        ["FundingObserverControl.RefreshAsync"] = nameof(FundingChangesAuditTests.Pausing_resuming_and_refreshing_the_observer_leave_one_event_each_and_needless_or_refused_ones_none),
        ["FundingDemoPayments.PayAsync"] = nameof(FundingChangesAuditTests.A_demo_payment_leaves_one_event_with_its_transaction_and_a_refused_one_none),
        ["PackRoutingDemoSeed.SeedAsync"] = nameof(PackRoutingChangesAuditTests.The_demo_rules_leave_one_event_each_and_seeding_again_none),
        ["ApprovalService.ActAsync"] = nameof(ApprovalChangesAuditTests.Each_action_on_a_request_leaves_one_event_and_a_refused_one_none),
        ["ApprovalService.ResubmitAsync"] = nameof(ApprovalChangesAuditTests.Sla_steps_deferrals_and_a_resubmission_leave_one_event_per_change),
        ["SlaTimers.ApplyDueAsync"] = nameof(ApprovalChangesAuditTests.Sla_steps_deferrals_and_a_resubmission_leave_one_event_per_change),
        ["SlaTimers.RunDueAsync"] = nameof(ApprovalChangesAuditTests.Sla_steps_deferrals_and_a_resubmission_leave_one_event_per_change),
        ["SlaTimers.SweepAsync"] = nameof(ApprovalChangesAuditTests.Sla_steps_deferrals_and_a_resubmission_leave_one_event_per_change),
        ["SlaTimers.RetryRequestAsync"] = nameof(ApprovalChangesAuditTests.Sla_steps_deferrals_and_a_resubmission_leave_one_event_per_change),
        ["SlaStepTransition.RunAsync"] = nameof(ApprovalChangesAuditTests.Sla_steps_deferrals_and_a_resubmission_leave_one_event_per_change),
        ["SlaDeferrals.DeferAsync"] = nameof(ApprovalChangesAuditTests.Sla_steps_deferrals_and_a_resubmission_leave_one_event_per_change),
        ["SlaPolicies.SaveAsync"] = nameof(ApprovalChangesAuditTests.A_policy_edit_and_reset_leave_one_event_each_and_saving_the_same_policy_none),
        ["SlaPolicies.ResetAsync"] = nameof(ApprovalChangesAuditTests.A_policy_edit_and_reset_leave_one_event_each_and_saving_the_same_policy_none),
        ["AccountPreferences.SaveAsync"] = nameof(ApprovalChangesAuditTests.Saving_quiet_hours_leaves_one_event_and_saving_them_unchanged_none),
        ["DeadLetterRemediation.RetryAsync"] = nameof(DeadLetterChangesAuditTests.A_retry_leaves_its_claim_and_its_result_and_a_refused_retry_nothing),
        ["DeadLetterRemediation.ResolveAsync"] = nameof(DeadLetterChangesAuditTests.Resolve_and_discard_leave_one_event_each_one_record_or_many),
        ["DeadLetterRemediation.DiscardAsync"] = nameof(DeadLetterChangesAuditTests.Resolve_and_discard_leave_one_event_each_one_record_or_many),
        ["DeadLetterRemediation.ApplyToManyAsync"] = nameof(DeadLetterChangesAuditTests.Resolve_and_discard_leave_one_event_each_one_record_or_many),
        ["DeadLetterRemediation.ApplyToGroupAsync"] = nameof(DeadLetterChangesAuditTests.Resolve_and_discard_leave_one_event_each_one_record_or_many),
        ["DeadLetterRetryRecovery.RecoverAsync"] = nameof(DeadLetterChangesAuditTests.Recovering_a_stale_claim_and_a_purge_leave_one_event_each),
        ["DeadLetterPurge.PurgeAsync"] = nameof(DeadLetterChangesAuditTests.Recovering_a_stale_claim_and_a_purge_leave_one_event_each),
        ["UserDirectory.CreateAsync"] = nameof(ConsoleChangesAuditTests.Each_user_change_leaves_one_event_and_a_change_to_the_same_values_none),
        ["UserDirectory.SetRolesAsync"] = nameof(ConsoleChangesAuditTests.Each_user_change_leaves_one_event_and_a_change_to_the_same_values_none),
        ["UserDirectory.SetDepartmentsAsync"] = nameof(ConsoleChangesAuditTests.Each_user_change_leaves_one_event_and_a_change_to_the_same_values_none),
        ["UserDirectory.DisableAsync"] = nameof(ConsoleChangesAuditTests.Each_user_change_leaves_one_event_and_a_change_to_the_same_values_none),
        ["UserDirectory.EnableAsync"] = nameof(ConsoleChangesAuditTests.Each_user_change_leaves_one_event_and_a_change_to_the_same_values_none),
        ["AdminBootstrap.EnsureAdminAsync"] = nameof(ConsoleChangesAuditTests.Ensuring_an_admin_from_the_command_line_leaves_one_event_per_change),
        ["JobControl.PauseAsync"] = nameof(ConsoleChangesAuditTests.Pausing_resuming_and_running_a_job_leave_one_event_each),
        ["JobControl.ResumeAsync"] = nameof(ConsoleChangesAuditTests.Pausing_resuming_and_running_a_job_leave_one_event_each),
        ["JobControl.TriggerAsync"] = nameof(ConsoleChangesAuditTests.Pausing_resuming_and_running_a_job_leave_one_event_each),
        ["AuditExport.WriteCsvAsync"] = nameof(ConsoleChangesAuditTests.Exporting_and_verifying_the_trail_leave_one_event_each),
        ["AuditVerification.VerifyAndRecordAsync"] = nameof(ConsoleChangesAuditTests.Exporting_and_verifying_the_trail_leave_one_event_each),
        ["SessionLedger.StartAsync"] = nameof(SessionChangesAuditTests.Starting_and_ending_a_session_leave_one_event_each_and_activity_or_fresher_claims_none),
        ["SessionLedger.TouchAsync"] = nameof(SessionChangesAuditTests.Starting_and_ending_a_session_leave_one_event_each_and_activity_or_fresher_claims_none),
        ["SessionLedger.RenewAsync"] = nameof(SessionChangesAuditTests.Starting_and_ending_a_session_leave_one_event_each_and_activity_or_fresher_claims_none),
        ["SessionLedger.EndAsync"] = nameof(SessionChangesAuditTests.Starting_and_ending_a_session_leave_one_event_each_and_activity_or_fresher_claims_none),
        ["UserSessions.SignOutOthersAsync"] = nameof(SessionChangesAuditTests.Ending_others_one_or_all_leaves_one_event_per_session_ended),
        ["UserSessions.EndAsync"] = nameof(SessionChangesAuditTests.Ending_others_one_or_all_leaves_one_event_per_session_ended),
        ["UserSessions.EndAllAsync"] = nameof(SessionChangesAuditTests.Ending_others_one_or_all_leaves_one_event_per_session_ended),
        ["SessionPurge.PurgeAsync"] = nameof(SessionChangesAuditTests.A_purge_of_sessions_over_for_a_week_leaves_one_event_and_keeps_the_rest),
        ["DemoSeed.SeedAsync"] = nameof(ConsoleChangesAuditTests.The_demo_seeds_leave_one_event_per_user_and_one_per_change_of_each_request),
        ["ApprovalDemoSeed.SeedAsync"] = nameof(ConsoleChangesAuditTests.The_demo_seeds_leave_one_event_per_user_and_one_per_change_of_each_request),
        ["MintSubmitter.SubmitAsync"] = nameof(StellarChangesAuditTests.Building_sending_and_confirming_leave_one_event_each_and_a_lookup_or_retry_that_changes_nothing_none),
        ["MintSubmitter.ReconcileAsync"] = nameof(StellarChangesAuditTests.Building_sending_and_confirming_leave_one_event_each_and_a_lookup_or_retry_that_changes_nothing_none),
        ["MintSubmitter.RunAsync"] = nameof(StellarChangesAuditTests.Building_sending_and_confirming_leave_one_event_each_and_a_lookup_or_retry_that_changes_nothing_none),
        ["MintSubmitter.RetryAsync"] = nameof(StellarChangesAuditTests.Building_sending_and_confirming_leave_one_event_each_and_a_lookup_or_retry_that_changes_nothing_none),
        ["AlertEvaluator.EvaluateAsync"] = nameof(AlertChangesAuditTests.Raising_reminding_and_clearing_leave_one_event_each_and_an_evaluation_without_change_none),
        ["AlertResponses.AcknowledgeAsync"] = nameof(AlertChangesAuditTests.Acknowledging_silencing_ending_a_silence_and_pausing_leave_one_event_each_and_refused_ones_none),
        ["AlertResponses.SilenceAsync"] = nameof(AlertChangesAuditTests.Acknowledging_silencing_ending_a_silence_and_pausing_leave_one_event_each_and_refused_ones_none),
        ["AlertResponses.EndSilenceAsync"] = nameof(AlertChangesAuditTests.Acknowledging_silencing_ending_a_silence_and_pausing_leave_one_event_each_and_refused_ones_none),
        ["AlertEvaluatorControl.PauseAsync"] = nameof(AlertChangesAuditTests.Acknowledging_silencing_ending_a_silence_and_pausing_leave_one_event_each_and_refused_ones_none),
        ["AlertEvaluatorControl.ResumeAsync"] = nameof(AlertChangesAuditTests.Acknowledging_silencing_ending_a_silence_and_pausing_leave_one_event_each_and_refused_ones_none),
    };

    // Methods of those services that only read.
    static readonly HashSet<string> Reads =
    [
        "SlaPolicies.ListAsync", "SlaPolicies.PolicyForAsync", "AccountPreferences.ReadAsync", "UserDirectory.ListAsync",
        "UserDirectory.DepartmentsAsync", "JobControl.ListAsync", "AuditVerification.VerifyAsync", "DemoSeed.EnsureRolesAsync",
        "SessionLedger.FindAsync", "SessionCheck.CheckAsync", "UserSessions.ListMineAsync", "UserSessions.ListForUserAsync",
        "UserSessions.OpenCountsAsync", "PackAcks.AnswerAsync", "PackRoutingRules.ListAsync", "PackRoutingRules.DepartmentsAsync",
        "PackEventProcessing.EarliestAsync", "PackEventApplier.StoredForAsync", "FundingHandles.ListAsync", "FundingHandles.FindAsync",
    ];

    [Fact]
    public void Every_public_method_of_a_state_changing_service_is_in_the_catalog()
    {
        var found = StateChangingServices().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) && !m.IsSpecialName)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToHashSet();

        Assert.Empty(found.Except(Catalog.Keys).Except(Reads));
        Assert.Empty(Catalog.Keys.Except(found));
    }

    [Fact]
    public void Each_entry_names_a_test_that_exists()
    {
        var tests = typeof(StateChangeCatalogTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(StateChangeCatalogTests).Namespace)
            .SelectMany(t => t.GetMethods()).Where(m => m.GetCustomAttribute<FactAttribute>() is not null).Select(m => m.Name).ToHashSet();
        Assert.All(Catalog, entry => Assert.Contains(entry.Value, tests));
    }

    /// <summary>Public types of the console that take the executor, or such a service, in their constructor.</summary>
    static List<Type> StateChangingServices()
    {
        var types = typeof(GuardedTransitions).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && t.IsPublic).ToList();
        var changing = new HashSet<Type> { typeof(GuardedTransitions) };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var type in types.Where(t => !changing.Contains(t)))
                if (type.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => changing.Contains(p.ParameterType)))
                    grew = changing.Add(type) | grew;
        }
        changing.Remove(typeof(GuardedTransitions));
        return [.. changing];
    }
}
