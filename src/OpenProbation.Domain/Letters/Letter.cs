using System.Globalization;
using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.Letters;

/// <summary>The kinds of letter OpenProbation writes (issue 6).</summary>
public enum LetterKind
{
    /// <summary>An appointment letter: where and when to attend.</summary>
    Appointment = 1,

    /// <summary>A warning letter, when a failure to comply is decided as a warning.</summary>
    Warning,

    /// <summary>A breach letter, when breach action (or, for a licence, recall) is decided.</summary>
    Breach,
}

/// <summary>How a letter reached the person.</summary>
public enum LetterDelivery
{
    /// <summary>Posted to their address.</summary>
    Post = 1,

    /// <summary>Given to them in person.</summary>
    HandedToPerson,

    /// <summary>Sent by email.</summary>
    Email,
}

/// <summary>
/// The event each letter is for, as a key the database holds unique: one letter per event, however many times it is
/// asked for and whoever asks (immutable line 7).
/// </summary>
public static class LetterEvents
{
    /// <summary>The longest key, for the database column: the longest prefix and the largest id fit.</summary>
    public const int MaxLength = 40;

    /// <summary>The appointment letter for an appointment: <c>appointment:123</c>.</summary>
    public static string Appointment(int appointmentId) => Key("appointment", appointmentId);

    /// <summary>The warning letter for a failure to comply decided as a warning: <c>warning:45</c>.</summary>
    public static string Warning(int failureToComplyId) => Key("warning", failureToComplyId);

    /// <summary>The breach (or recall) letter for a failure to comply decided as breach or recall: <c>breach:45</c>.</summary>
    public static string Breach(int failureToComplyId) => Key("breach", failureToComplyId);

    // Invariant digits: a key made under another culture must still match the one in the database.
    private static string Key(string prefix, int id) => string.Create(CultureInfo.InvariantCulture, $"{prefix}:{id}");
}

/// <summary>
/// A letter to a person on probation, kept on their record as it was written, with the day it was sent and how.
/// Made by <see cref="LetterTemplates"/>; rendered by <see cref="LetterPdf"/> (and as HTML by the pages) from these
/// fields, so what is shown later is what was sent.
/// </summary>
public sealed class Letter : IVersioned
{
    /// <summary>Database identity; 0 until saved.</summary>
    public int Id { get; set; }

    /// <summary>The person it is written to.</summary>
    public int PersonId { get; set; }

    /// <summary>The order it is about, when it is about one.</summary>
    public int? OrderId { get; set; }

    /// <summary>What kind of letter it is.</summary>
    public LetterKind Kind { get; set; }

    /// <summary>The event it is for (<see cref="LetterEvents"/>), unique: one letter per event.</summary>
    public string EventKey { get; set; } = "";

    /// <summary>The appointment it is about: the one arranged, or the one whose failure was warned for.</summary>
    public int? AppointmentId { get; set; }

    /// <summary>The failure to comply it is about, for a warning or breach letter.</summary>
    public int? FailureToComplyId { get; set; }

    /// <summary>The heading, e.g. "Formal warning".</summary>
    public string Title { get; set; } = "";

    /// <summary>The person's name as it heads the address.</summary>
    public string Addressee { get; set; } = "";

    /// <summary>The address it was written to, line by line, as it was when written.</summary>
    public List<string> AddressLines { get; set; } = [];

    /// <summary>"Dear …".</summary>
    public string Salutation { get; set; } = "";

    /// <summary>The body, one paragraph each.</summary>
    public List<string> Paragraphs { get; set; } = [];

    /// <summary>"Yours sincerely" or the configured sign-off.</summary>
    public string SignOff { get; set; } = "";

    /// <summary>The name under the sign-off: the officer the letter is from.</summary>
    public string SignedBy { get; set; } = "";

    /// <summary>The day the letter is dated, in Europe/London.</summary>
    public DateOnly LetterDate { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>User name of whoever made it (the one who triggered the event, or asked for the letter).</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>The day it was sent, once recorded.</summary>
    public DateOnly? SentOn { get; set; }

    /// <summary>How it was sent, once recorded.</summary>
    public LetterDelivery? SentHow { get; set; }

    /// <summary>User name of whoever recorded it as sent.</summary>
    public string? SentRecordedBy { get; set; }

    /// <summary>When that was recorded.</summary>
    public DateTimeOffset? SentRecordedAt { get; set; }

    /// <inheritdoc />
    public int Version { get; set; }

    /// <summary>True once the letter is recorded as sent.</summary>
    public bool IsSent => SentOn is not null;

    /// <summary>
    /// Records the day the letter was sent and how; once only. The day may not be before the letter's own date nor
    /// after <paramref name="today"/> (Europe/London). Field errors are keyed <c>sentOn</c> and <c>how</c>; a letter
    /// already sent is refused by the rule <c>letter-already-sent</c>. Changes nothing when there are errors.
    /// </summary>
    public ValidationErrors RecordSent(DateOnly? sentOn, LetterDelivery? how, string recordedBy, DateTimeOffset recordedAt, DateOnly today)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        var errors = new ValidationErrors();
        if (SentOn is { } sent)
        {
            return errors.Refuse("sentOn", "letter-already-sent",
                $"This letter was recorded as sent on {Day(sent)} by {SentRecordedBy}");
        }

        errors.Present("sentOn", sentOn, "Enter the date the letter was sent");
        if (sentOn is { } on && on < LetterDate)
        {
            errors.Add("sentOn", $"The date sent must be on or after the letter's date, {Day(LetterDate)}");
        }
        else if (sentOn > today)
        {
            errors.Add("sentOn", "The date sent must be today or in the past");
        }

        // Present first for the plain message; Defined then catches a number that names no member.
        errors.Present("how", how, "Select how the letter was sent");
        errors.Defined("how", how, "a way of sending", required: false);
        if (!errors.IsValid)
        {
            return errors;
        }

        SentOn = sentOn;
        SentHow = how;
        SentRecordedBy = recordedBy;
        SentRecordedAt = recordedAt;
        return errors;
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
