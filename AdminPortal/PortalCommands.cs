using System.CommandLine;
using AdminPortal.Cli;
using AdminPortal.Features.Accounts;
using AdminPortal.Features.ApiKeys;
using AdminPortal.Features.DemoData;
using AdminPortal.Features.Import;
using AdminPortal.Features.Jobs;
using AdminPortal.Features.Messaging;
using AdminPortal.Features.Metrics;
using AdminPortal.Features.Sites;
using AdminPortal.Features.SurveyReports;
using AdminPortal.Features.Sync;

namespace AdminPortal;

/// <summary>The features' commands, in the order <c>--help</c> lists them (after <c>migrate</c>).</summary>
public static class PortalCommands
{
    public static IEnumerable<Command> Create(CliContext context) =>
    [
        UsersCommand.Create(context),
        SitesCommand.Create(context),
        ApiKeysCommand.Create(context),
        ImportCommand.Create(context),
        SeedDemoCommand.Create(context),
        JobsCommand.Create(context),
        SurveyReportCommand.Create(context),
        SyncCatalogCommand.Create(context),
        MetricsCommand.Create(context),
        .. SendMessagesCommands.Create(context),
    ];
}
