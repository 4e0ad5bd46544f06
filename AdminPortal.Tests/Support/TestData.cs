namespace AdminPortal.Tests.Support;

public static class TestData
{
    /// <summary>The example import files under TestData/Import, which the README documents.</summary>
    public static string ImportFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "Import", name);

    /// <summary>Writes a CSV file for one test into its own folder.</summary>
    public static string WriteCsv(string directory, string name, params string[] lines)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }
}
