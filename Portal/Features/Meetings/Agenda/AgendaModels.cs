using Portal.Components.Shared;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Agenda;

public sealed record AgendaItemEdit(string Title, string? Presenter, int? MinutesAllowed, bool IsPrivate, int Version = 0);
