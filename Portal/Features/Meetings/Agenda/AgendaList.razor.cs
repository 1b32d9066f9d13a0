using System.Globalization;
using Portal.Domain.Meetings;

namespace Portal.Features.Meetings.Agenda;

/// <summary>The agenda's state and saves: the item being added, the notes being written, the interest being declared.</summary>
public partial class AgendaList
{
    private string? _title;
    private string? _presenter;
    private string? _minutes;
    private bool _private;
    private int? _notesFor;
    private string? _notes;
    private int _notesVersion;
    private int? _declareFor;
    private int _declarant;
    private string? _interest;

    private static string Field(string? field) => field switch
    {
        nameof(AgendaItem.Title) => "item-title",
        nameof(AgendaItem.Presenter) => "item-presenter",
        nameof(AgendaItem.MinutesAllowed) => "item-minutes",
        nameof(AgendaItem.Notes) => "item-notes",
        nameof(Declaration.Name) => "declare-name",
        nameof(Declaration.Interest) => "declare-interest",
        _ => string.Empty,
    };

    private void EditNotes(AgendaItemView item)
    {
        _notesFor = item.Id;
        _notes = item.Notes;
        _notesVersion = item.Version;
    }

    private async Task AddAsync()
    {
        int? minutes = null;
        if (!string.IsNullOrWhiteSpace(_minutes))
        {
            if (!int.TryParse(_minutes, NumberStyles.Integer, CultureInfo.CurrentCulture, out var m))
            {
                Refuse("item-minutes", T["Rule.Agenda.MinutesAllowedOutOfRange", AgendaItem.MaxMinutesAllowed]);
                return;
            }

            minutes = m;
        }

        if (await RunAsync(() => Agenda.AddItemAsync(Meeting.Id, new AgendaItemEdit(_title ?? string.Empty, _presenter, minutes, _private), Closing), Field, T["Agenda.Added"]))
        {
            (_title, _presenter, _minutes, _private) = (null, null, null, false);
        }
    }

    private async Task SaveNotesAsync(AgendaItemView item)
    {
        if (await RunAsync(() => Minutes.WriteNotesAsync(Meeting.Id, item.Id, _notes, _notesVersion, Closing), Field))
        {
            _notesFor = null;
        }
    }

    private async Task DeclareAsync(AgendaItemView item)
    {
        var name = Meeting.People.FirstOrDefault(p => p.Id == _declarant)?.Name ?? string.Empty;
        if (await RunAsync(() => Agenda.DeclareAsync(Meeting.Id, item.Id, _declarant == 0 ? null : _declarant, name, _interest ?? string.Empty, Closing), Field))
        {
            (_declareFor, _declarant, _interest) = (null, 0, null);
        }
    }

    private Task MoveAsync(AgendaItemView item, int position) => RunAsync(() => Agenda.MoveItemAsync(Meeting.Id, item.Id, position, Closing), Field);

    private Task RemoveAsync(AgendaItemView item) => RunAsync(() => Agenda.RemoveItemAsync(Meeting.Id, item.Id, Closing), Field);

    private Task CarryAsync(AgendaItemView old) => RunAsync(() => Agenda.CarryForwardAsync(Meeting.Id, old.Id, Closing), Field, T["Agenda.Added"]);
}
