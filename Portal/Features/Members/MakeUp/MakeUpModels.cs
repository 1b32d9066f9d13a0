using Portal.Domain.Meetings;
using Portal.Domain.Members;

namespace Portal.Features.Members.MakeUp;

/// <summary>A seat on the body as the make-up shows it: who, their party, role and term.</summary>
public sealed record MakeUpSeat(int MemberId, int? PersonId, string Name, bool IsCouncillor, string? Party, MemberRole Role, DateOnly? From, DateOnly? To);

public sealed record BalanceRow(string Party, int CouncilSeats, decimal Share, int Entitled, int Held);

/// <summary>A body's make-up: its seats and who fills them, its substitutes, vacancies, political balance and quorum.</summary>
public sealed record MakeUpView(
    int BodyId,
    int? Version,
    int? Seats,
    int Quorum,
    bool QuorumIsSet,
    Regime Regime,
    IReadOnlyList<MakeUpSeat> Members,
    IReadOnlyList<MakeUpSeat> Substitutes,
    int Vacancies,
    IReadOnlyList<BalanceRow> Balance,
    bool InBalance,
    bool CanChange,
    bool CanKeepRecord);

/// <summary>Whether a held meeting was quorate, from its attendance.</summary>
public sealed record QuorumView(int Quorum, int Present, bool IsQuorate, int Short);
