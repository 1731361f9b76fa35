namespace OpsConsole.Domain.Calendars;

/// <summary>Turns a local wall-clock time in a zone into an instant, including times a DST change skips or repeats.</summary>
public static class LocalTimes
{
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            // Skipped by a spring-forward change: the clock reads the same time one hour (the gap) later.
            var before = zone.GetUtcOffset(wall.AddHours(-3));
            var after = zone.GetUtcOffset(wall.AddHours(3));
            return new DateTimeOffset(wall.Add(after - before), after);
        }
        if (zone.IsAmbiguousTime(wall))
        {
            // Repeated by a fall-back change: the first occurrence, so nothing is due later than its wall time says.
            var offsets = zone.GetAmbiguousTimeOffsets(wall);
            return new DateTimeOffset(wall, offsets.Max());
        }
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }
}
