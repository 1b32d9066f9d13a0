using Microsoft.AspNetCore.Components;
using Portal.Domain.Establishment;

namespace Portal.Features.Establishment.Posts;

/// <summary>An administrator's changes to one post: its holder, its reporting line, its recruitment and its job description.</summary>
public sealed partial class PostAdmin
{
    private string _form = string.Empty;
    private int _person;
    private bool _acting;
    private DateOnly? _from;
    private int _above;
    private DateOnly? _reportingFrom;
    private RecruitmentStatus _status;
    private DateOnly? _opened;
    private DateOnly? _closes;
    private DateOnly? _appointed;
    private string? _purpose;
    private string? _accountabilities;
    private string? _results;
    private int _loaded = -1;

    [Parameter, EditorRequired]
    public PostDetails Post { get; set; } = default!;

    /// <summary>Raised after a refused stale save, so the page reads what the other person saved (a save reaches it through the change feed).</summary>
    [Parameter]
    public EventCallback Stale { get; set; }

    protected override void OnParametersSet()
    {
        if (_loaded == Post.Version)
        {
            return;
        }

        _loaded = Post.Version;
        (_status, _opened, _closes, _appointed) = (Post.Recruitment, Post.RecruitmentOpenedOn, Post.RecruitmentClosesOn, Post.AppointedOn);
        (_purpose, _accountabilities, _results) = (Post.Purpose, Post.PrincipalAccountabilities, Post.KeyResultAreas);
        _above = Post.AccountableTo?.Id ?? 0;
    }

    private Task AppointAsync() => RunAsync(ct => Admin.AppointAsync(Post.Id, _person, _acting, _from, ct), "appoint");

    private Task VacateAsync() => RunAsync(ct => Admin.VacateAsync(Post.Id, _from, ct), "appoint");

    private Task ReportingAsync() => RunAsync(ct => Admin.ChangeReportingAsync(Post.Id, _above == 0 ? null : _above, _reportingFrom, ct), "reporting");

    private Task RecruitmentAsync() => RunAsync(ct => Admin.SetRecruitmentAsync(Post.Id, _status, _opened, _closes, _appointed, Post.Version, ct), "recruitment");

    private Task JobAsync() => RunAsync(ct => Admin.DescribeJobAsync(Post.Id, _purpose, _accountabilities, _results, Post.Version, ct), "job");

    /// <summary>Which of the post's forms saved last decides where a rule's message goes.</summary>
    protected override string InputFor(string? field) => (_form, field) switch
    {
        ("appoint", "PersonId") => "appoint-person",
        ("appoint", _) => "appoint-from",
        ("reporting", "AccountableToId") => "reporting-to",
        ("reporting", _) => "reporting-from",
        ("recruitment", nameof(Domain.Establishment.Post.RecruitmentOpenedOn)) => "recruitment-opened",
        ("recruitment", nameof(Domain.Establishment.Post.RecruitmentClosesOn)) => "recruitment-closes",
        ("recruitment", nameof(Domain.Establishment.Post.AppointedOn)) => "recruitment-appointed",
        ("recruitment", _) => "recruitment-status",
        ("job", nameof(Domain.Establishment.Post.Purpose)) => "job-purpose",
        ("job", nameof(Domain.Establishment.Post.KeyResultAreas)) => "job-results",
        ("job", _) => "job-accountabilities",
        _ => string.Empty,
    };

    private Task RunAsync(Func<CancellationToken, Task> change, string form)
    {
        _form = form;
        return SaveAsync(change, refresh: _ => Stale.InvokeAsync());
    }
}
