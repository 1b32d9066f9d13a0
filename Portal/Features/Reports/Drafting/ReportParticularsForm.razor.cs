using Microsoft.AspNetCore.Components;
using Portal.Features.Reports.Reading;

namespace Portal.Features.Reports.Drafting;

public partial class ReportParticularsForm
{
    private ReportChoices? _choices;
    private Editable _edit = new();
    private int _loadedVersion = -1;

    protected override async Task OnParametersSetAsync()
    {
        _choices ??= await Reports.ChoicesAsync(Report.Meeting?.Id, Closing);
        if (_loadedVersion != Report.Version)
        {
            _edit = Editable.From(Report);
            _loadedVersion = Report.Version;
        }
    }

    private void MeetingChosen(ChangeEventArgs e)
    {
        _edit.MeetingId = int.TryParse(e.Value?.ToString(), out var id) ? id : null;
        _edit.AgendaItemId = null;
    }

    private Task SaveAsync() => RunAsync(
        () => Reports.DescribeAsync(Report.Id, _edit.ToEdit(Report.Version), Closing),
        TemplateCheck.FieldId);

    private sealed class Editable
    {
        public string? Reference { get; set; }

        public string? Title { get; set; }

        public int? ChiefOfficerId { get; set; }

        public int? MeetingId { get; set; }

        public int? AgendaItemId { get; set; }

        public string? ContactDetails { get; set; }

        public bool AllWards { get; set; }

        public string? Wards { get; set; }

        public bool IsKeyDecision { get; set; }

        public int? ForwardPlanEntryId { get; set; }

        public string? BackgroundPapers { get; set; }

        public bool IsExempt { get; set; }

        public int? ExemptParagraph { get; set; }

        public string? PublicInterestReason { get; set; }

        public DateOnly? ReleaseOn { get; set; }

        public static Editable From(ReportView r) => new()
        {
            Reference = r.Reference, Title = r.Title, ChiefOfficerId = r.ChiefOfficerId, MeetingId = r.Meeting?.Id, AgendaItemId = r.AgendaItemId,
            ContactDetails = r.ContactDetails, AllWards = r.AllWards, Wards = r.Wards, IsKeyDecision = r.IsKeyDecision, ForwardPlanEntryId = r.ForwardPlan?.Id,
            BackgroundPapers = r.BackgroundPapers, IsExempt = r.IsExempt, ExemptParagraph = r.ExemptParagraph, PublicInterestReason = r.PublicInterestReason, ReleaseOn = r.ReleaseOn,
        };

        public ReportEdit ToEdit(int version) => new(
            version, Reference, Title, ChiefOfficerId, MeetingId, AgendaItemId, ContactDetails, AllWards, Wards, IsKeyDecision, ForwardPlanEntryId,
            BackgroundPapers, IsExempt, ExemptParagraph, PublicInterestReason, ReleaseOn);
    }
}
