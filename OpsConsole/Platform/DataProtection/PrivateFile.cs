namespace OpsConsole.Platform.DataProtection;

/// <summary>Writes a file only its owner may read, in one step and never over a file that is already there.</summary>
static class PrivateFile
{
    const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    /// <summary>False when the file already exists, for instance because another instance wrote it first.</summary>
    public static bool CreateIfAbsent(string path, ReadOnlySpan<byte> content)
    {
        var folder = Path.GetDirectoryName(path)!;
        // Only folders made here get 0700: an existing one (the embedded cluster's parent) keeps the mode it needs.
        if (!Directory.Exists(folder))
            _ = OperatingSystem.IsWindows() ? Directory.CreateDirectory(folder) : Directory.CreateDirectory(folder, OwnerFolder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            // Created 0600 rather than changed afterwards, so the key is never readable by others even for an instant.
            if (!OperatingSystem.IsWindows())
                options.UnixCreateMode = OwnerFile;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            try
            {
                // Without overwrite this links then unlinks, which fails when the name exists: a reader never sees half a file.
                File.Move(temp, path, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
