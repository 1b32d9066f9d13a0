using Portal.Domain.Meetings;

namespace Portal.Domain.Members;

/// <summary>Whether a meeting had its quorum: how many of its members were there against how many it needs.</summary>
public sealed record QuorumCheck(int Quorum, int Present)
{
    public bool IsQuorate => Present >= Quorum;

    /// <summary>How many more members were needed; 0 when quorate.</summary>
    public int Short => Math.Max(0, Quorum - Present);
}

/// <summary>
/// A body's quorum: the number its constitution sets, or by default under English rules a
/// quarter of its seats and never fewer than three (as Schedule 12 of the Local Government Act
/// 1972 sets for the council, which standing orders commonly carry to committees), and under
/// Swedish rules more than half of its members (kommunallagen 6 kap. 27 §). An internal group has
/// none unless one is set. Present are the seated members marked present and the substitutes who
/// attended in a member's place.
/// </summary>
public static class Quorum
{
    public static int For(Regime regime, int seats, int? set)
    {
        if (set is int fixedQuorum)
        {
            return fixedQuorum;
        }

        if (seats <= 0)
        {
            return 0;
        }

        return regime switch
        {
            Regime.England => Math.Max(Math.Min(3, seats), (seats + 3) / 4),
            Regime.Sweden => (seats / 2) + 1,
            _ => 0,
        };
    }

    /// <summary>Null when the body has no quorum (an internal group without one set).</summary>
    public static QuorumCheck? Check(int quorum, IEnumerable<AttendanceKind> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        return quorum <= 0 ? null : new QuorumCheck(quorum, marks.Count(k => k is AttendanceKind.Present or AttendanceKind.Substitute));
    }
}
