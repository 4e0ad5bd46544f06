using System.Diagnostics;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Errors;

public partial class ErrorPage
{
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    private string RequestId => Activity.Current?.Id ?? HttpContext?.TraceIdentifier ?? "unknown";
}
