using Portal.Components.Shared;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Minutes;

public sealed record AgreedActionEdit(int? AgendaItemId, string Text, int OwnerId, DateOnly? DueDate);
