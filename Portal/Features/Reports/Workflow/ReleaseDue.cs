namespace Portal.Features.Reports.Workflow;

/// <summary>An exempt report whose review date has come, on the proper officer's list.</summary>
public sealed record ReleaseDue(int ReportId, string Reference, string Title, string? BodyName, DateOnly? MeetingDate, int? Paragraph, DateOnly ReviewDue);
