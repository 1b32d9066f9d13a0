using Portal.Domain.Common;

namespace Portal.Domain.Members;

/// <summary>
/// A political party or group on the council (Labour, Moderaterna), or "Independent". The
/// council's proportions, and so each body's political balance, are counted per party.
/// </summary>
public sealed class Party : Entity
{
    public const int NameMaxLength = 120;
    public const int ShortNameMaxLength = 12;

    private Party()
    {
        Name = string.Empty;
        ShortName = string.Empty;
    }

    public string Name { get; private set; }

    /// <summary>The letters the party goes by (Lab, S, M).</summary>
    public string ShortName { get; private set; }

    /// <summary>
    /// Whether it is a political group for the balance rules (LGHA 1989 s15 counts groups only);
    /// independents who form no group are left out of the proportions.
    /// </summary>
    public bool IsGroup { get; private set; }

    public static Party Create(string name, string shortName, bool isGroup = true)
    {
        var party = new Party();
        party.Change(name, shortName, isGroup);
        return party;
    }

    /// <summary>Renames the party or changes whether it counts as a political group (a group formed or dissolved changes the balance of every body).</summary>
    public void Change(string? name, string? shortName, bool isGroup)
    {
        var newName = Guard.RequiredText(name, NameMaxLength, "Party.Name", nameof(Name), "party's name");
        ShortName = Guard.RequiredText(shortName, ShortNameMaxLength, "Party.ShortName", nameof(ShortName), "party's short name");
        (Name, IsGroup) = (newName, isGroup);
    }
}

/// <summary>An electoral ward (a valkrets in Sweden): the area a councillor represents.</summary>
public sealed class Ward : Entity
{
    public const int NameMaxLength = 120;

    private Ward()
    {
        Name = string.Empty;
    }

    public string Name { get; private set; }

    public static Ward Create(string name)
    {
        var ward = new Ward();
        ward.Rename(name);
        return ward;
    }

    /// <summary>Renames the ward (boundary reviews rename wards; the councillors who represent it stay with it).</summary>
    public void Rename(string? name) => Name = Guard.RequiredText(name, NameMaxLength, "Ward.Name", nameof(Name), "ward's name");
}
