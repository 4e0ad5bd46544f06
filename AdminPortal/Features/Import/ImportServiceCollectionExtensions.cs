namespace AdminPortal.Features.Import;

public static class ImportServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CsvImporter>();
        builder.Services.AddSingleton<ImportService>();
        return builder;
    }
}
