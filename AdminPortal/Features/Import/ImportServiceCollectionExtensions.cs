namespace AdminPortal.Features.Import;

public static class ImportServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortalImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CsvImporter>();
        builder.Services.AddSingleton<ImportService>();
        builder.Services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ImportUpload>();
        return builder;
    }
}
