using System.ComponentModel.DataAnnotations;

namespace AdminPortal.Features.SurveyReports;

/// <summary>The "SurveyReport" section; <c>ExtraData</c> (a JSON object) is read by <see cref="SurveyExtraData"/>.</summary>
public sealed class SurveyReportOptions
{
    public const string Section = "SurveyReport";

    /// <summary>False turns the feature off entirely: no banner, no pages, no job.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where reports are POSTed as JSON; none: reports are generated but cannot be sent.</summary>
    [Url, RegularExpression("(?i)https?://\\S+", ErrorMessage = "The field Endpoint must be an http:// or https:// address.")]
    public string? Endpoint { get; set; }

    /// <summary>Whether reports can be sent at all: the page and the banner say so before sending, the sender fails the send.</summary>
    public bool HasEndpoint => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>This platform's id in the report; left empty, or with <see cref="Anonymous"/>, a random id kept in the database.</summary>
    [MaxLength(200)]
    public string? SiteId { get; set; }

    public bool Anonymous { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The wait before the first retry; each further retry waits twice as long.</summary>
    [Range(0, 600)]
    public double RetryDelaySeconds { get; set; } = 2;

    [Range(1, 60)]
    public int BannerMonths { get; set; } = 6;

    /// <summary>Generate and send a report every six months (the survey-report job's schedule).</summary>
    public bool AutoSend { get; set; }
}
