using Portal.Domain.Common;

namespace Portal.Domain.Reports;

/// <summary>A member's own page of a report: that they have read it, and their private note. Only they see it.</summary>
public sealed class ReadingNote : Entity
{
    public const int NoteMaxLength = 20_000;

    private ReadingNote()
    {
    }

    public int ReportId { get; private set; }

    public int PersonId { get; private set; }

    public DateTime? ReadAt { get; private set; }

    public string? Note { get; private set; }

    public static ReadingNote For(int reportId, int personId) => new() { ReportId = reportId, PersonId = personId };

    public void MarkRead(bool read, DateTime now) => ReadAt = read ? now : null;

    public void Write(string? note) => Note = Guard.OptionalText(note, NoteMaxLength, "Reading.Note", nameof(Note), "note");
}

/// <summary>A member's question to a report's author, and the author's answer.</summary>
public sealed class ReportQuestion : Entity
{
    public const int TextMaxLength = 4_000;

    private ReportQuestion()
    {
        Text = string.Empty;
    }

    public int ReportId { get; private set; }

    public int AskedById { get; private set; }

    public DateTime AskedAt { get; private set; }

    public string Text { get; private set; }

    public string? Answer { get; private set; }

    public int? AnsweredById { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public static ReportQuestion Ask(int reportId, int askedById, string? text, DateTime now) => new()
    {
        ReportId = reportId,
        AskedById = askedById,
        AskedAt = now,
        Text = Guard.RequiredText(text, TextMaxLength, "Question.Text", nameof(Text), "question"),
    };

    public void AnswerWith(int personId, string? answer, DateTime now)
    {
        Answer = Guard.RequiredText(answer, TextMaxLength, "Question.Answer", nameof(Answer), "answer");
        AnsweredById = personId;
        AnsweredAt = now;
    }
}
