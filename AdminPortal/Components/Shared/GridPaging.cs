using AdminPortal.Data;
using MudBlazor;

namespace AdminPortal.Components.Shared;

public static class GridPaging
{
    /// <summary>The grid's page and sort as a request the services understand (they whitelist the column).</summary>
    public static PageRequest ToPageRequest<T>(this GridState<T> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new PageRequest(state.Page * state.PageSize, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    public static GridData<T> ToGridData<T>(this Page<T> page) => new() { Items = page.Items, TotalItems = page.Total };
}
