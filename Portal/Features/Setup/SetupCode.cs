using System.Security.Cryptography;
using System.Text;

namespace Portal.Features.Setup;

/// <summary>
/// The one-time code <c>/setup</c> asks for, so that whoever first finds a new portal on the
/// internet cannot make themselves its administrator: only someone who can read the portal's
/// console or log, where it is printed at start, can. Made afresh each time the portal starts and
/// held only in memory, so a restart voids it; accepted once.
/// </summary>
public sealed class SetupCode
{
    // No 0/O, 1/I/L: read off a screen and typed, it should not be misread.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private readonly byte[] _code;
    private int _used;

    public SetupCode()
    {
        var groups = Enumerable.Range(0, 3).Select(_ => new string(Enumerable.Range(0, 4).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray()));
        Value = string.Join('-', groups);
        _code = Encoding.UTF8.GetBytes(Plain(Value));
    }

    /// <summary>The code as printed, such as <c>K7QH-3MZD-RW4P</c>.</summary>
    public string Value { get; }

    public bool IsUsed => Volatile.Read(ref _used) == 1;

    /// <summary>Whether <paramref name="typed"/> is the code and it is still unused, without taking it.</summary>
    public bool Matches(string? typed) =>
        !IsUsed && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Plain(typed ?? string.Empty)), _code);

    /// <summary>After the administrator is created: the code is not accepted again.</summary>
    public void MarkUsed() => Volatile.Write(ref _used, 1);

    private static string Plain(string code) =>
        new([.. code.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
}
