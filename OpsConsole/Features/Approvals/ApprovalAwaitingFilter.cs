using System.Linq.Expressions;
using OpsConsole.Domain.Approvals;

namespace OpsConsole.Features.Approvals;

/// <summary>
/// <see cref="ApprovalPermissions.Awaits"/> as SQL, built from the Domain's own parts (<see cref="ApprovalPermissions.Scope"/>,
/// <see cref="ApprovalPermissions.IsApprover"/>): Pending, not the viewer's own, and covered by their acting scope or assigned
/// to them while they hold an approving role. Only the branches the viewer can meet are emitted, so each role gets a plain
/// predicate the indexes serve. ApprovalInboxTests hold it equal to the Domain rule on generated requests.
/// </summary>
static class ApprovalAwaitingFilter
{
    /// <summary>Null when nothing can ever await this viewer.</summary>
    public static Expression<Func<ApprovalRequest, bool>>? For(ApprovalActor viewer)
    {
        var scope = ApprovalPermissions.Scope(viewer.Roles, viewer.Departments);
        // The Domain compares people case-insensitively; lower() on both sides is what the assignee index holds.
        var me = viewer.Id.ToLowerInvariant();
        Expression<Func<ApprovalRequest, bool>> pendingNotOwn = r => r.Status == ApprovalStatus.Pending && r.RequestedBy.ToLower() != me;
        var everywhere = scope.EveryDepartmentTier;
        if (everywhere >= ApprovalRequest.MaxTier)
            return pendingNotOwn;
        var branches = new List<Expression<Func<ApprovalRequest, bool>>>();
        if (everywhere >= ApprovalRequest.MinTier)
            branches.Add(r => r.Tier <= everywhere);
        // Requests hold the department's key exactly as the departments table has it, so the match can be exact.
        foreach (var group in scope.DepartmentTiers.Where(d => d.Value > everywhere).GroupBy(d => d.Value, d => d.Key))
        {
            var (tier, departments) = (group.Key, group.ToArray());
            branches.Add(r => r.Tier <= tier && departments.Contains(r.Department));
        }
        if (ApprovalPermissions.IsApprover(viewer.Roles))
            branches.Add(r => r.Assignee != null && r.Assignee.ToLower() == me);
        return branches.Count == 0 ? null : And(pendingNotOwn, branches.Aggregate(Or));
    }

    static Expression<Func<ApprovalRequest, bool>> Or(Expression<Func<ApprovalRequest, bool>> a, Expression<Func<ApprovalRequest, bool>> b) =>
        Combine(a, b, Expression.OrElse);

    static Expression<Func<ApprovalRequest, bool>> And(Expression<Func<ApprovalRequest, bool>> a, Expression<Func<ApprovalRequest, bool>> b) =>
        Combine(a, b, Expression.AndAlso);

    static Expression<Func<ApprovalRequest, bool>> Combine(Expression<Func<ApprovalRequest, bool>> a,
        Expression<Func<ApprovalRequest, bool>> b, Func<Expression, Expression, BinaryExpression> join)
    {
        var r = a.Parameters[0];
        var right = new Rebind(b.Parameters[0], r).Visit(b.Body);
        return Expression.Lambda<Func<ApprovalRequest, bool>>(join(a.Body, right), r);
    }

    sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
