namespace Portal.Features.Reports;

/// <summary>Told to open pages when a report, its reading notes or questions, or its decisions change.</summary>
public sealed record ReportChanged(int ReportId, int? MeetingId);
