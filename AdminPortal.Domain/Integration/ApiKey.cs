using System.Security.Cryptography;
using System.Text;

namespace AdminPortal.Domain.Integration;

/// <summary>
/// A key an outside system (the LMS) sends in <c>X-Api-Key</c>. Only its SHA-256 hash is stored; the key itself is
/// shown once, when created. Random 192-bit keys need no salt or slow hash: guessing is hopeless either way.
/// </summary>
public sealed class ApiKey
{
    public const string KeyPrefix = "pk_";

    private ApiKey()
    {
    }

    private ApiKey(string name, ApiScope scope, string secret, string createdBy, DateTime createdUtc)
    {
        Name = name;
        Scope = scope;
        Hint = secret[..(KeyPrefix.Length + 6)];
        Hash = HashOf(secret);
        CreatedBy = createdBy;
        CreatedUtc = createdUtc;
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public ApiScope Scope { get; private set; }

    /// <summary>The key's first characters, enough to tell keys apart in a list.</summary>
    public string Hint { get; private set; } = "";
    public byte[] Hash { get; private set; } = [];
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedUtc { get; private set; }
    public DateTime? RevokedUtc { get; private set; }
    public DateTime? LastUsedUtc { get; private set; }

    public bool IsRevoked => RevokedUtc is not null;

    /// <returns>The stored key, and the secret to show once.</returns>
    public static (ApiKey Key, string Secret) Create(string name, ApiScope scope, string createdBy, DateTime nowUtc)
    {
        var secret = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        return (new ApiKey(name, scope, secret, createdBy, nowUtc), secret);
    }

    public static byte[] HashOf(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public void Revoke(DateTime nowUtc) => RevokedUtc ??= nowUtc;
}

public enum ApiScope
{
    Enrollments,
    Courses,
    Support,
}
