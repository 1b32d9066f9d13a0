using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Calendar;

/// <summary>
/// How each colour of the palette is drawn: its class in portal.css (a light fill with dark text
/// and a dark edge, the same in both themes) and the mark shown beside the body's name, so a
/// meeting and its key match by shape as well as by colour.
/// </summary>
public static class BodyPalette
{
    public static string CssClass(BodyColour colour) => $"body-colour-{(int)colour - 1}";

    public static string Mark(BodyColour colour) => colour switch
    {
        BodyColour.Blue => "●",
        BodyColour.Green => "■",
        BodyColour.Orange => "▲",
        BodyColour.Purple => "◆",
        BodyColour.Teal => "★",
        BodyColour.Red => "✚",
        BodyColour.Grey => "▼",
        _ => "◐",
    };
}
