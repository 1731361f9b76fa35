using System.Reflection;

namespace OpsConsole.Tests.Architecture;

/// <summary>xunit 2 disposes a test class through IDisposable or IAsyncLifetime only: a class that stops its app in
/// IAsyncDisposable.DisposeAsync leaves that app and its background jobs running for the rest of the run.</summary>
public class TestClassDisposalTests
{
    [Fact]
    public void No_test_class_relies_on_IAsyncDisposable_alone()
    {
        var leaking = typeof(TestClassDisposalTests).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IAsyncDisposable).IsAssignableFrom(t)
                        && !typeof(IAsyncLifetime).IsAssignableFrom(t) && !typeof(IDisposable).IsAssignableFrom(t))
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()))
            .Select(t => t.FullName!)
            .ToList();

        Assert.Equal([], leaking);
    }
}
