namespace OpsConsole.Tests.Integration.Support;

/// <summary>Bounded polling for conditions another thread or process makes true.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Still not true after {timeout ?? TimeSpan.FromSeconds(10)}: {what}");
            await Task.Delay(50);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Still not true after {timeout ?? TimeSpan.FromSeconds(10)}: {what}");
            await Task.Delay(50);
        }
    }
}
