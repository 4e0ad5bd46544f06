using AdminPortal.Data;
using Radzen;

namespace AdminPortal.Components.Shared;

public static class GridPaging
{
    /// <summary>The grid's page and first sort as a request the services understand (they whitelist the column).</summary>
    public static PageRequest ToPageRequest(this LoadDataArgs args)
    {
        var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        return new PageRequest(args.Skip ?? 0, args.Top ?? 20, sort?.Property, sort?.SortOrder == SortOrder.Descending);
    }
}
