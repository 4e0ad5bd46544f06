using System.CommandLine;
using AdminPortal.Cli;
using AdminPortal.Domain.Accounts;

namespace AdminPortal.Features.Sites;

internal static class SitesCommand
{
    public static Command Create(CliContext context) => new("sites", "Sites of the platform and their org filters.")
    {
        SetCommand(context),
        ListCommand(context),
    };

    private static Command SetCommand(CliContext context)
    {
        var domain = new Option<string>("--domain") { Description = "The site's domain, such as learn.example.org.", Required = true };
        var name = new Option<string?>("--name") { Description = "The site's name (a new site defaults to its domain)." };
        var orgs = new Option<string?>("--orgs") { Description = "The orgs whose courses the site messages, comma-separated." };
        var allOrgs = new Option<bool>("--all-orgs") { Description = "The site messages every org that no other site lists." };
        var command = new Command("set", "Create a site, or change its name or org filter.") { domain, name, orgs, allOrgs };
        command.Validators.Add(result =>
        {
            if (result.GetValue(orgs) is not null && result.GetValue(allOrgs))
            {
                result.AddError("--orgs and --all-orgs exclude each other.");
            }
        });
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var filter = parsed.GetValue(allOrgs) ? [] : parsed.GetValue(orgs)?.Split(',').ToList();
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken);
            var (site, created) = await app.Services.GetRequiredService<SiteService>().SetAsync(
                new SiteRequest(parsed.GetRequiredValue(domain), parsed.GetValue(name), filter), PortalActor.System("command line"), cancellationToken);
            await context.Output.WriteLineAsync($"{(created ? "Created" : "Updated")} site {site.Domain} ({site.Name}): {site.OrgFilter}.");
            return PortalCli.Success;
        });
        return command;
    }

    private static Command ListCommand(CliContext context)
    {
        var command = new Command("list", "List the sites.");
        command.SetAction(async (_, cancellationToken) =>
        {
            await using var app = await CliHost.StartAsync(context.HostArgs, context.Settings, cancellationToken);
            foreach (var site in await app.Services.GetRequiredService<SiteService>().ListAsync(cancellationToken))
            {
                await context.Output.WriteLineAsync($"{site.Domain}\t{site.Name}\t{site.OrgFilter}");
            }
            return PortalCli.Success;
        });
        return command;
    }
}
