using System.Globalization;

/// <summary>
/// The console's runtime counters as its /metrics shows them (the runtime's own System.Runtime meter): time paused by the
/// collector, time spent compiling and the methods compiled, collections by generation. Two readings give what a window
/// of a run cost, so a run's tail can be set beside the collector's and the compiler's work in the same window.
/// </summary>
sealed record ConsoleRuntime(double GcPauseSeconds, double JitSeconds, double JitMethods, double Gen0, double Gen1, double Gen2)
{
    public static ConsoleRuntime Parse(string exposition)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in exposition.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
                continue;
            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                values[line[..space]] = value;
        }
        // A counter missing (renamed by a runtime update, or the meter no longer exported) must not read as zero.
        double Value(string name) => values.TryGetValue(name, out var value) ? value
            : throw new InvalidOperationException($"The console's /metrics has no {name}.");
        const string Collections = "system_runtime_dotnet_gc_collections{gc_heap_generation=";
        return new ConsoleRuntime(Value("system_runtime_dotnet_gc_pause_time"), Value("system_runtime_dotnet_jit_compilation_time"),
            Value("system_runtime_dotnet_jit_compiled_methods"), Value(Collections + "\"gen0\"}"), Value(Collections + "\"gen1\"}"),
            Value(Collections + "\"gen2\"}"));
    }

    public static ConsoleRuntime operator -(ConsoleRuntime after, ConsoleRuntime before) => new(
        after.GcPauseSeconds - before.GcPauseSeconds, after.JitSeconds - before.JitSeconds, after.JitMethods - before.JitMethods,
        after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GC paused {GcPauseSeconds * 1000:F0} ms (collections gen0/1/2 {Gen0:F0}/{Gen1:F0}/{Gen2:F0}), JIT {JitSeconds * 1000:F0} ms on {JitMethods:F0} methods");
}
