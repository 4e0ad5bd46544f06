using AdminPortal.Components.Layout;
using AdminPortal.Domain.SurveyReports;
using AdminPortal.Http;
using AdminPortal.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AdminPortal.Features.SurveyReports;

public static class SurveyReportsServiceCollectionExtensions
{
    /// <summary>Survey reports, their banner and, unless <c>SurveyReport:Enabled</c> is false, the survey-report job.</summary>
    public static WebApplicationBuilder AddPortalSurveyReports(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SurveyReportOptions>().BindConfiguration(SurveyReportOptions.Section).ValidateDataAnnotations()
            .Validate<IConfiguration>(ExtraDataIsAnObject, $"{SurveyExtraData.Key} must be a JSON object such as {{\"org\": \"Example University\"}}.")
            .ValidateOnStart();
        services.AddTransient<SurveyAttemptRecorder>();
        services.AddResilientHttpClient<SurveyReportOptions>(SurveyReportSender.ClientName,
                options => new RetryShape(options.TimeoutSeconds, options.MaxAttempts, options.RetryDelaySeconds),
                status => SurveyRules.IsWorthRetrying((int)status))
            .AddHttpMessageHandler<SurveyAttemptRecorder>();
        services.AddSingleton<SurveyExtraData>();
        services.AddSingleton<SurveyCountQueries>();
        services.AddSingleton<SurveyPayloads>();
        services.AddSingleton<SurveyBannerCache>();
        services.AddSingleton<SurveyLeases>();
        services.AddSingleton<SurveyReportGenerator>();
        services.AddSingleton<SurveyReportSender>();
        services.AddSingleton<SurveyReportWork>();
        services.AddSingleton<SurveyReportService>();
        services.AddLayoutBanner<SurveyBanner>();
        if (builder.Configuration.GetValue($"{SurveyReportOptions.Section}:Enabled", true))
        {
            builder.AddPortalJob<SurveyReportJob>(SurveyReportJob.Name, "0 0 4 1 1,7 ?",
                "Generates and sends the survey reports superusers ask for; twice a year (1 January and 1 July) a new one when SurveyReport:AutoSend is on.");
            builder.AddPortalJobRunAtStartWhen(SurveyReportJob.Name, (db, ct) => db.SurveyReports.AnyAsync(r =>
                r.State == SurveyReportState.Processing || (r.State == SurveyReportState.Generated && r.SendState == SurveySendState.Queued), ct));
        }
        return builder;
    }

    /// <summary>With <c>SurveyReport:Enabled=false</c> the report pages do not exist: their addresses answer 404.</summary>
    public static WebApplication UseSurveyReportsSwitch(this WebApplication app)
    {
        if (!app.Configuration.GetValue($"{SurveyReportOptions.Section}:Enabled", true))
        {
            app.Use((context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/admin/survey-reports"))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }
                return next(context);
            });
        }
        return app;
    }

    private static bool ExtraDataIsAnObject(SurveyReportOptions options, IConfiguration configuration)
    {
        try
        {
            new SurveyExtraData(configuration).Read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
