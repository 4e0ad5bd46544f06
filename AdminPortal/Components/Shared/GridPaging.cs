using AdminPortal.Data;
using MudBlazor;
using Radzen;

namespace AdminPortal.Components.Shared;

public static class GridPaging
{
    /// <summary>The grid's page and first sort as a request the services understand (they whitelist the column).</summary>
    public static PageRequest ToPageRequest(this LoadDataArgs args)
    {
        var sort = args.Sorts?.FirstOrDefault(s => s.SortOrder is not null);
        return new PageRequest(args.Skip ?? 0, args.Top ?? 20, sort?.Property, sort?.SortOrder == Radzen.SortOrder.Descending);
    }

    /// <summary>The grid's page and sort as a request the services understand (they whitelist the column).</summary>
    public static PageRequest ToPageRequest<T>(this GridState<T> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new PageRequest(state.Page * state.PageSize, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    public static GridData<T> ToGridData<T>(this Page<T> page) => new() { Items = page.Items, TotalItems = page.Total };
}
