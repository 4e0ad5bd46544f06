using AdminPortal.Data;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace AdminPortal.Components.Shared;

/// <summary>
/// A grid paged and sorted in SQL whose filters, page, page size and sort live in the address
/// (<c>?q=ada&amp;page=3&amp;size=50&amp;sort=Email&amp;desc=true</c>), so Back, a reload or a shared link shows the same rows.
/// A new filter starts again at the first page: it may have fewer pages than the one shown.
/// </summary>
/// <remarks>The page binds the grid to it: <c>@ref="rows.Grid" ServerData="rows.LoadAsync" @bind-RowsPerPage="rows.PageSize"
/// @bind-CurrentPage="rows.Page"</c> in that order (MudDataGrid goes back to the first page when it is given its rows per page),
/// each sortable column's <c>InitialDirection</c> and the pager's <c>PageSizeOptions="rows.PageSizes"</c>.</remarks>
public sealed class AddressedGrid<TRow, TFilter>
{
    private const string PageKey = "page", SizeKey = "size", SortKey = "sort", DescendingKey = "desc";

    private readonly NavigationManager navigation;
    private readonly Func<TFilter> currentFilter;
    private readonly Func<TFilter, PageRequest, CancellationToken, Task<GridData<TRow>>> load;
    private readonly string path;
    private readonly string? initialSort;
    private readonly bool initialDescending;
    private (TFilter Filter, int Page)? loaded;

    /// <param name="pageSizes">The sizes the pager offers; the first is the default, left out of the address.</param>
    public AddressedGrid(NavigationManager navigation, int[] pageSizes, Func<TFilter> currentFilter,
        Func<TFilter, PageRequest, CancellationToken, Task<GridData<TRow>>> load)
    {
        this.navigation = navigation;
        this.currentFilter = currentFilter;
        this.load = load;
        PageSizes = pageSizes;
        var uri = new Uri(navigation.Uri);
        path = uri.AbsolutePath;
        var query = QueryHelpers.ParseQuery(uri.Query);
        Page = int.TryParse(query.GetValueOrDefault(PageKey), out var page) && page > 1 ? page - 1 : 0;
        PageSize = int.TryParse(query.GetValueOrDefault(SizeKey), out var size) && pageSizes.Contains(size) ? size : pageSizes[0];
        initialSort = query.GetValueOrDefault(SortKey).ToString() is { Length: > 0 } sort ? sort : null;
        initialDescending = query.GetValueOrDefault(DescendingKey) == "true";
    }

    public MudDataGrid<TRow>? Grid { get; set; }

    /// <summary>Zero-based, as the grid counts; the address shows it from 1.</summary>
    public int Page { get; set; }

    public int PageSize { get; set; }

    public int[] PageSizes { get; }

    /// <summary>The direction a column starts with: the one in the address for the column named there.</summary>
    public SortDirection InitialDirection(string column) =>
        column != initialSort ? SortDirection.None : initialDescending ? SortDirection.Descending : SortDirection.Ascending;

    public async Task<GridData<TRow>> LoadAsync(GridState<TRow> state, CancellationToken cancellationToken)
    {
        var filter = currentFilter();
        loaded = (filter, state.Page);
        var rows = await load(filter, state.ToPageRequest(), cancellationToken);
        Remember(state);
        return rows;
    }

    /// <summary>Puts one filter in the address; the page follows the new address through <see cref="FilterChangedAsync"/>.</summary>
    public void Filter(string key, string? value) => Filter((key, value));

    /// <summary>Puts filters that go together in the address at once (a range's two ends).</summary>
    public void Filter(params (string Key, string? Value)[] filters)
    {
        var parameters = filters.ToDictionary(f => f.Key, f => (object?)(string.IsNullOrWhiteSpace(f.Value) ? null : f.Value.Trim()));
        parameters[PageKey] = null;
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(parameters), replace: true);
    }

    /// <summary>Call from OnParametersSetAsync: loads the rows again, from the first page, when the address holds a new filter.</summary>
    public async Task FilterChangedAsync()
    {
        if (Grid is null || loaded is not { } last || EqualityComparer<TFilter>.Default.Equals(last.Filter, currentFilter()))
        {
            return;
        }
        if (last.Page > 0)
        {
            Grid.NavigateTo(MudBlazor.Page.First); // loads the first page itself
        }
        else
        {
            await Grid.ReloadServerData();
        }
    }

    public Task ReloadAsync() => Grid?.ReloadServerData() ?? Task.CompletedTask;

    /// <summary>The page took the grid away (a wrong filter shows a message alone): the next grid shown loads itself.</summary>
    public void Hidden()
    {
        Grid = null;
        loaded = null;
    }

    private void Remember(GridState<TRow> state)
    {
        // A load that ends after the person went to another page must not bring them back.
        if (new Uri(navigation.Uri).AbsolutePath != path)
        {
            return;
        }
        var sort = state.SortDefinitions.FirstOrDefault();
        var uri = navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            [PageKey] = state.Page > 0 ? state.Page + 1 : null,
            [SizeKey] = state.PageSize != PageSizes[0] ? state.PageSize : null,
            [SortKey] = sort?.SortBy,
            [DescendingKey] = sort?.Descending == true ? "true" : null,
        });
        if (uri != navigation.Uri)
        {
            navigation.NavigateTo(uri, replace: true);
        }
    }
}
