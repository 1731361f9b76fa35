/// <summary>
/// What an ingest benchmark posts (<see cref="IngestRate"/>, <see cref="IngestSaturation"/>): the path, the key that signs,
/// and the body of the <c>i</c>-th request of a run named <c>run</c> that began at <c>origin</c>, each a new item so that
/// every request stores one (a 202); <paramref name="LinesPerSecond"/> bounds the lines signed for a saturated run, well
/// past what the endpoint takes on this machine.
/// </summary>
sealed record IngestTarget(string Path, string KeyId, string Secret, Func<string, int, DateTimeOffset, string> Body, int LinesPerSecond);
