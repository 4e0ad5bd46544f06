namespace AdminPortal.Tests.Support;

public static class RepositoryFile
{
    /// <summary>A file of the repository the tests were built in (the first folder above the test binaries that holds it).</summary>
    public static string? Find(params string[] path)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var file = Path.Combine([folder.FullName, .. path]);
            if (File.Exists(file))
            {
                return file;
            }
        }
        return null;
    }
}
