using OpenProbation.Domain.Letters;

namespace OpenProbation.Domain.Tests.Letters;

/// <summary>Issue 6 line 7: one letter per event, kept on the record with the date sent and how.</summary>
public class LetterTests
{
    private static readonly DateOnly _letterDate = new(2026, 11, 23);
    private static readonly DateOnly _today = new(2026, 11, 25);
    private static readonly DateTimeOffset _now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static Letter Made() => new() { Kind = LetterKind.Warning, EventKey = LetterEvents.Warning(45), LetterDate = _letterDate };

    [Fact]
    public void Each_event_has_its_own_key_so_the_database_holds_one_letter_per_event()
    {
        Assert.Equal(("appointment:123", "warning:45", "breach:45"), (LetterEvents.Appointment(123), LetterEvents.Warning(45), LetterEvents.Breach(45)));
        Assert.True(LetterEvents.Appointment(int.MaxValue).Length <= LetterEvents.MaxLength);
    }

    [Fact]
    public void Recording_the_day_sent_and_how_keeps_who_and_when()
    {
        var letter = Made();

        var errors = letter.RecordSent(_letterDate, LetterDelivery.Post, "officer", _now, _today);

        Assert.True(errors.IsValid);
        Assert.True(letter.IsSent);
        Assert.Equal((_letterDate, LetterDelivery.Post, "officer", _now),
            (letter.SentOn!.Value, letter.SentHow!.Value, letter.SentRecordedBy!, letter.SentRecordedAt!.Value));
    }

    [Fact]
    public void Today_is_allowed()
    {
        Assert.True(Made().RecordSent(_today, LetterDelivery.Email, "officer", _now, _today).IsValid);
    }

    public static TheoryData<DateOnly?, LetterDelivery?, string, string> Refusals => new()
    {
        { null, LetterDelivery.Post, "sentOn", "Enter the date the letter was sent" },
        { _letterDate.AddDays(-1), LetterDelivery.Post, "sentOn", "The date sent must be on or after the letter's date, 23 November 2026" },
        { _today.AddDays(1), LetterDelivery.HandedToPerson, "sentOn", "The date sent must be today or in the past" },
        { _today, null, "how", "Select how the letter was sent" },
        { _today, (LetterDelivery)0, "how", "Select a valid way of sending" },
        { _today, (LetterDelivery)99, "how", "Select a valid way of sending" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_missing_or_impossible_day_or_way_is_refused_and_changes_nothing(DateOnly? sentOn, LetterDelivery? how, string field, string message)
    {
        var letter = Made();

        var errors = letter.RecordSent(sentOn, how, "officer", _now, _today);

        Assert.Equal([field], errors.Fields);
        Assert.Equal([message], errors.ToDictionary()[field]);
        Assert.Null(errors.Rule);
        Assert.False(letter.IsSent);
        Assert.Equal(((DateOnly?)null, (LetterDelivery?)null, (string?)null, (DateTimeOffset?)null),
            (letter.SentOn, letter.SentHow, letter.SentRecordedBy, letter.SentRecordedAt));
    }

    [Fact]
    public void Both_fields_are_reported_together()
    {
        Assert.Equal(["how", "sentOn"], Made().RecordSent(null, null, "officer", _now, _today).Fields.Order());
    }

    [Fact]
    public void A_letter_is_recorded_as_sent_once()
    {
        var letter = Made();
        letter.RecordSent(_letterDate, LetterDelivery.Post, "officer", _now, _today);

        var again = letter.RecordSent(_today, LetterDelivery.Email, "manager", _now.AddHours(1), _today);

        Assert.Equal(["This letter was recorded as sent on 23 November 2026 by officer"], again.ToDictionary()["sentOn"]);
        Assert.Equal("letter-already-sent", again.Rule);
        Assert.Equal((_letterDate, LetterDelivery.Post, "officer"), (letter.SentOn!.Value, letter.SentHow!.Value, letter.SentRecordedBy!));
    }
}
