using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.DeadLetters;
using OpsConsole.Platform.Transitions;

namespace OpsConsole.Tests.Platform.Transitions;

[Trait("Category", "Domain")]
public class DeadLetterHandlersTests
{
    sealed record Handler(string? Source, string AggregateType, string Operation) : IDeadLetterHandler
    {
        public Task<RetryResult> RetryAsync(DeadLetter letter, CancellationToken ct) => Task.FromResult(RetryResult.Success());
    }

    sealed class NotificationRedelivery : IDeadLetterHandler
    {
        public string? Source => DeadLetterSources.Dispatcher;
        public string AggregateType => "notification";
        public string Operation => "notification.deliver";
        public Task<RetryResult> RetryAsync(DeadLetter letter, CancellationToken ct) => Task.FromResult(RetryResult.Failure("still down"));
    }

    static DeadLetter Letter(string source, string aggregateType = "approval_request", string operation = "approval.approve") => new()
    {
        AggregateType = aggregateType,
        AggregateId = "a1",
        Operation = operation,
        ReasonMessage = "conflict",
        Source = source,
        Fingerprint = "0123456789abcdef",
    };

    [Fact]
    public void A_handler_for_the_exact_source_wins_over_one_for_any_source()
    {
        var any = new Handler(null, "approval_request", "approval.approve");
        var sweeper = new Handler(DeadLetterSources.Sweeper, "approval_request", "approval.approve");
        var registry = new DeadLetterHandlers([any, sweeper]);

        Assert.Same(sweeper, registry.Find(Letter(DeadLetterSources.Sweeper)));
        Assert.Same(any, registry.Find(Letter(DeadLetterSources.Ui)));
    }

    [Fact]
    public void Work_nobody_handles_finds_no_handler()
    {
        var registry = new DeadLetterHandlers([new Handler(DeadLetterSources.Ui, "approval_request", "approval.approve")]);
        Assert.Null(registry.Find(Letter(DeadLetterSources.Api)));
        Assert.Null(registry.Find(Letter(DeadLetterSources.Ui, operation: "approval.reject")));
        Assert.Null(registry.Find(Letter(DeadLetterSources.Ui, aggregateType: "mint")));
    }

    [Fact]
    public void Two_handlers_for_the_same_work_are_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new DeadLetterHandlers(
            [new Handler(null, "mint", "mint.submit"), new Handler(null, "mint", "mint.submit")]));
        Assert.Contains("mint.submit", ex.Message);
    }

    [Fact]
    public async Task Registered_handlers_are_found_through_dependency_injection()
    {
        var services = new ServiceCollection().AddTransitions(new ConfigurationBuilder().Build());
        // Registering twice (two features sharing a handler type) must not look like two claimants.
        services.AddDeadLetterHandler<NotificationRedelivery>();
        services.AddDeadLetterHandler<NotificationRedelivery>();
        await using var provider = services.BuildServiceProvider(validateScopes: true);
        await using var scope = provider.CreateAsyncScope();

        var handler = scope.ServiceProvider.GetRequiredService<DeadLetterHandlers>()
            .Find(Letter(DeadLetterSources.Dispatcher, "notification", "notification.deliver"));
        Assert.IsType<NotificationRedelivery>(handler);
        Assert.Equal(RetryResult.Failure("still down"), await handler.RetryAsync(Letter(DeadLetterSources.Dispatcher), default));
    }
}
