using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Votes;

public partial class VoteForm
{
    private readonly Dictionary<int, VoteChoice?> _ballots = [];
    private readonly Dictionary<int, bool> _reservations = [];
    private int _itemId;
    private string? _motion;
    private bool _byName;
    private int? _for;
    private int? _against;
    private int? _abstain;
    private int? _chairId;
    private VoteChoice? _casting;

    /// <summary>Everyone recorded present: the chair is one of them.</summary>
    private List<AttendanceView> Present => Meeting.Attendance.Where(a => a.Kind == AttendanceKind.Present).ToList();

    /// <summary>Those present who vote: the members, not the secretary or note-taker (nor guests).</summary>
    private List<AttendanceView> Voters => Present.Where(a => a.Role is MemberRole.Chair or MemberRole.Member).ToList();

    protected override void OnParametersSet()
    {
        if (_itemId == 0 || Meeting.Items.All(i => i.Id != _itemId))
        {
            _itemId = Meeting.Items.FirstOrDefault()?.Id ?? 0;
        }

        _chairId ??= Present.FirstOrDefault(a => a.Role == MemberRole.Chair)?.PersonId;
    }

    private async Task RecordAsync()
    {
        var ballots = _ballots.Where(b => b.Value is not null).Select(b => new BallotCast(b.Key, b.Value!.Value, _reservations.GetValueOrDefault(b.Key))).ToList();
        var edit = new VoteEdit(0, _itemId, _motion, _byName, _for, _against, _abstain, ballots, _chairId, _casting);
        if (await RunAsync(() => Votes.RecordAsync(Meeting.Id, edit, Closing), Field, T["Votes.Saved"]))
        {
            (_motion, _for, _against, _abstain, _casting) = (null, null, null, null, null);
            _ballots.Clear();
            _reservations.Clear();
        }
    }

    private static string Field(string? field) => field switch
    {
        nameof(Vote.Motion) => "vote-motion",
        nameof(Vote.ForCount) => "vote-for",
        nameof(Vote.AgainstCount) => "vote-against",
        nameof(Vote.AbstainCount) => "vote-abstain",
        nameof(Vote.ChairId) => "vote-chair",
        nameof(Vote.CastingVote) => "vote-casting",
        nameof(AgendaItem.Number) => "vote-item",
        "Tally" => "vote-tally",
        string ballot when ballot.StartsWith("Ballot:", StringComparison.Ordinal) => $"vote-ballot-{ballot["Ballot:".Length..]}",
        _ => string.Empty,
    };
}
