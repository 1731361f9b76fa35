namespace OpsConsole.Tests.Integration.Support;

/// <summary>Waits for something another thread makes true, with a bound so a broken test fails instead of hanging.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Condition not met in time; last value: {value}");
            await Task.Delay(100);
        }
    }
}
