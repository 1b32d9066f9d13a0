namespace Portal.Domain.Meetings;

/// <summary>
/// The colour a body's meetings have in the month grid and its key: one of a palette of light
/// fills that take dark text and a dark edge in either theme, each paired with its own mark (a
/// shape beside the body's name), so the colour is never the only way to tell bodies apart.
/// </summary>
public enum BodyColour
{
    Blue = 1,
    Green = 2,
    Orange = 3,
    Purple = 4,
    Teal = 5,
    Red = 6,
    Grey = 7,
    Yellow = 8,
}

public static class BodyColours
{
    /// <summary>The colour a body has until an administrator chooses one: the palette in turn by the body's number.</summary>
    public static BodyColour Default(int bodyId) => (BodyColour)((Math.Abs(bodyId) % 8) + 1);
}
