namespace OpsConsole.E2E.Support;

/// <summary>Screenshots and the app's log of the latest run, next to the test assembly; emptied once per run.</summary>
public static class Artifacts
{
    static readonly Lazy<string> Folder = new(() =>
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "artifacts");
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        return dir;
    });

    public static string Root => Folder.Value;

    public static string PathFor(string fileName) =>
        Path.Combine(Folder.Value, string.Concat(fileName.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')));
}
