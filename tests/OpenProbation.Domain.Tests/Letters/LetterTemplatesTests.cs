using OpenProbation.Domain.Letters;
using OpenProbation.Domain.Tests.Contacts;

namespace OpenProbation.Domain.Tests.Letters;

/// <summary>Issue 6 line 7 and PRACTICE.md section 5: what each letter says, from the facts of its event.</summary>
public class LetterTemplatesTests
{
    private static readonly LetterTemplateSettings _settings = new();
    private static readonly DateOnly _today = new(2026, 3, 3);
    private static readonly DateTimeOffset _now = new(2026, 3, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly string[] _address = ["12 Mill Lane", "", "Stafford", "ST16 2AA"];

    private static string Body(Letter letter) => string.Join("\n", letter.Paragraphs);

    private static AppointmentLetterFacts Appointment(DateTimeOffset startsAt, bool enforceable = true, string? office = "Stafford probation office") =>
        new(7, 8, 123, "Sam Smith", _address, startsAt, "Stafford probation office, 1 Crown Street", "an office appointment", "Alex Jones", office, enforceable);

    private static WarningLetterFacts Warning(bool licence = false) =>
        new(7, 8, 45, 123, "Sam Smith", _address, new DateOnly(2026, 3, 2), "did not attend your appointment", licence ? "licence" : "community order",
            _today, new DateOnly(2026, 3, 10), "Alex Jones", 12, licence);

    private static BreachLetterFacts Breach(bool licence = false) =>
        new(7, 8, 46, 124, "Sam Smith", _address, licence ? "licence" : "community order",
            [(new DateOnly(2026, 5, 4), "did not attend your appointment"), (new DateOnly(2026, 3, 2), "did not attend your appointment")], licence, "Alex Jones");

    [Fact]
    public void An_appointment_letter_gives_the_day_and_time_in_london_the_place_and_who()
    {
        // 09:00 UTC on 1 April 2026 is 10:00 in London (summer time).
        var letter = LetterTemplates.Appointment(Appointment(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero)), _settings, London.Zone, _today, "officer", _now);

        Assert.Equal("Your appointment on Wednesday 1 April 2026 at 10:00", letter.Title);
        Assert.Equal("You have an office appointment with Alex Jones on Wednesday 1 April 2026 at 10:00, at Stafford probation office, 1 Crown Street.", letter.Paragraphs[0]);
        Assert.Contains("formal warning", Body(letter), StringComparison.Ordinal);
        Assert.Contains("contact Stafford probation office before the appointment", Body(letter), StringComparison.Ordinal);
        Assert.Equal((LetterKind.Appointment, "appointment:123", 7, (int?)8, (int?)123, (int?)null),
            (letter.Kind, letter.EventKey, letter.PersonId, letter.OrderId, letter.AppointmentId, letter.FailureToComplyId));
    }

    [Fact]
    public void An_appointment_in_winter_is_shown_in_greenwich_time_and_an_unenforceable_one_carries_no_warning()
    {
        var letter = LetterTemplates.Appointment(Appointment(new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.Zero), enforceable: false, office: null),
            _settings, London.Zone, _today, "officer", _now);

        Assert.Equal("Your appointment on Tuesday 1 December 2026 at 14:30", letter.Title);
        Assert.DoesNotContain("warning", Body(letter), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("contact your probation office", Body(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_letter_is_addressed_and_signed_and_kept_unsaved_with_who_made_it()
    {
        var letter = LetterTemplates.Warning(Warning(), _settings with { SignOff = "With best wishes" }, _today, "officer", _now);

        Assert.Equal(("Sam Smith", "Dear Sam Smith", "With best wishes", "Alex Jones"), (letter.Addressee, letter.Salutation, letter.SignOff, letter.SignedBy));
        Assert.Equal(["12 Mill Lane", "Stafford", "ST16 2AA"], letter.AddressLines);
        Assert.Equal((0, 0, _today, _now, "officer", false), (letter.Id, letter.Version, letter.LetterDate, letter.CreatedAt, letter.CreatedBy, letter.IsSent));
    }

    [Fact]
    public void A_warning_letter_states_the_failure_the_warning_the_excuse_day_and_how_and_what_a_further_failure_means()
    {
        var letter = LetterTemplates.Warning(Warning(), _settings, _today, "officer", _now);
        var body = Body(letter);

        Assert.Equal("Formal warning", letter.Title);
        Assert.Equal((LetterKind.Warning, "warning:45", (int?)8, (int?)123, (int?)45),
            (letter.Kind, letter.EventKey, letter.OrderId, letter.AppointmentId, letter.FailureToComplyId));
        Assert.Contains("This is a formal warning about your community order.", body, StringComparison.Ordinal);
        Assert.Contains("On Monday 2 March 2026 you did not attend your appointment.", body, StringComparison.Ordinal);
        Assert.Contains("you have until Tuesday 10 March 2026 to give it", body, StringComparison.Ordinal);
        Assert.Contains("To give your excuse, phone or visit your probation office, or tell your probation officer.", body, StringComparison.Ordinal);
        Assert.Contains("If you fail to comply again within 12 months of this warning (up to and including Wednesday 3 March 2027), breach action will be taken and your case will be returned to court.", body, StringComparison.Ordinal);
        Assert.Contains("keep attending", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_on_a_licence_says_recall_not_court_and_the_excuse_wording_is_configurable()
    {
        var letter = LetterTemplates.Warning(Warning(licence: true), _settings with { ExcuseHow = "call 01785 000000" }, _today, "officer", _now);
        var body = Body(letter);

        Assert.Contains("a decision will be made on recalling you to prison", body, StringComparison.Ordinal);
        Assert.DoesNotContain("court", body, StringComparison.Ordinal);
        Assert.Contains("To give your excuse, call 01785 000000.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_breach_letter_lists_the_failures_oldest_first_says_the_case_returns_to_court_and_to_keep_attending()
    {
        var letter = LetterTemplates.Breach(Breach(), _settings, _today, "officer", _now);

        Assert.Equal("Your case is being returned to court", letter.Title);
        Assert.Equal((LetterKind.Breach, "breach:46", (int?)124, (int?)46), (letter.Kind, letter.EventKey, letter.AppointmentId, letter.FailureToComplyId));
        Assert.Equal(
        [
            "You have not complied with your community order on these occasions:",
            "\u2022 Monday 2 March 2026: you did not attend your appointment",
            "\u2022 Monday 4 May 2026: you did not attend your appointment",
        ], letter.Paragraphs.Take(3));
        Assert.Contains("your case is being returned to court", Body(letter), StringComparison.Ordinal);
        Assert.Contains("You must keep attending all your appointments", Body(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void A_breach_letter_on_a_licence_says_a_recall_is_being_considered()
    {
        var letter = LetterTemplates.Breach(Breach(licence: true) with { Failures = [(new DateOnly(2026, 5, 4), "did not attend your appointment")] }, _settings, _today, "officer", _now);

        Assert.Equal("Your licence: recall is being considered", letter.Title);
        Assert.Equal("You have not complied with your licence on this occasion:", letter.Paragraphs[0]);
        Assert.Contains("considering whether you should be recalled to prison", Body(letter), StringComparison.Ordinal);
        Assert.DoesNotContain("court", Body(letter), StringComparison.Ordinal);
    }

    [Fact]
    public void A_breach_letter_needs_a_failure()
    {
        Assert.Throws<ArgumentException>(() => LetterTemplates.Breach(Breach() with { Failures = [] }, _settings, _today, "officer", _now));
    }

    [Fact]
    public void The_settings_are_checked_with_their_configuration_keys()
    {
        Assert.True(_settings.Validate().IsValid);
        var errors = new LetterTemplateSettings { ServiceName = " ", SignOff = new string('x', 101), ExcuseHow = "call\nus" }.Validate();

        Assert.Equal(["ExcuseHow", "ServiceName", "SignOff"], errors.Fields.Order());
        Assert.Equal(["OpenProbation:Letters:ServiceName must not be empty"], errors.ToDictionary()["ServiceName"]);
        Assert.Equal(["OpenProbation:Letters:SignOff must be 100 characters or fewer"], errors.ToDictionary()["SignOff"]);
    }
}
