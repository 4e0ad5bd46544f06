namespace AdminPortal.Features.Accounts;

public static class AccountPaths
{
    public const string Login = "/account/login";
    public const string Logout = "/account/logout";
    public const string AccessDenied = "/account/access-denied";
    public const string ChangePassword = "/account/password";
    public const string Setup = "/setup";
    public const string Manage = "/admin/accounts";
}
