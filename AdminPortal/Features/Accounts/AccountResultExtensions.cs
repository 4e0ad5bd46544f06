using AdminPortal.Cli;

namespace AdminPortal.Features.Accounts;

internal static class AccountResultExtensions
{
    public static void ThrowIfFailed(this AccountResult result)
    {
        if (!result.Succeeded)
        {
            throw new CliException(result.ToString());
        }
    }
}
