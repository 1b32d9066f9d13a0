using Microsoft.AspNetCore.Components;
using Portal.Components.Shared;
using Portal.Domain.Establishment;

namespace Portal.Features.Establishment.Posts;

/// <summary>An administrator's changes to one post: its holder, its reporting line, its recruitment and its job description.</summary>
public sealed partial class PostAdmin
{
    private FormSubmission? _submission;

    private FormSubmission Form => _submission ??= new(T);

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

    [Parameter]
    public EventCallback Changed { get; set; }

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

    private Task AppointAsync() => RunAsync(() => Admin.AppointAsync(Post.Id, _person, _acting, _from, CancellationToken.None), "appoint");

    private Task VacateAsync() => RunAsync(() => Admin.VacateAsync(Post.Id, _from, CancellationToken.None), "appoint");

    private Task ReportingAsync() => RunAsync(() => Admin.ChangeReportingAsync(Post.Id, _above == 0 ? null : _above, _reportingFrom, CancellationToken.None), "reporting");

    private Task RecruitmentAsync() => RunAsync(() => Admin.SetRecruitmentAsync(Post.Id, _status, _opened, _closes, _appointed, Post.Version, CancellationToken.None), "recruitment");

    private Task JobAsync() => RunAsync(() => Admin.DescribeJobAsync(Post.Id, _purpose, _accountabilities, _results, Post.Version, CancellationToken.None), "job");

    private static string Field(string form, string? field) => (form, field) switch
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

    private async Task RunAsync(Func<Task> change, string form)
    {
        if (await Form.RunAsync(change, field => Field(form, field), refresh: () => Changed.InvokeAsync()))
        {
            await Changed.InvokeAsync();
        }
    }
}
