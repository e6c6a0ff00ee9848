using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;

namespace OpenProbation.Domain.Letters;

/// <summary>
/// The wording that is the same in every letter, meant for configuration under <c>OpenProbation:Letters</c> (bound when the
/// letters are made by the web application).
/// </summary>
public sealed record LetterTemplateSettings
{
    /// <summary>The longest sign-off, in characters.</summary>
    public const int MaxSignOffLength = 100;

    /// <summary>The longest wording of how to give an excuse, in characters.</summary>
    public const int MaxExcuseHowLength = 500;

    /// <summary>The service the letters come from, at the top of each letter.</summary>
    public string ServiceName { get; init; } = "OpenProbation Probation Service";

    /// <summary>The words above the officer's name.</summary>
    public string SignOff { get; init; } = "Yours sincerely";

    /// <summary>
    /// How a warned person gives a reasonable excuse, finishing the sentence "To give your excuse, …": the default
    /// suits any office; a service can name its phone number or address.
    /// </summary>
    public string ExcuseHow { get; init; } = "phone or visit your probation office, or tell your probation officer";

    /// <summary>Checks the settings; messages name the configuration keys.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        void Text(string key, string? value, int maxLength)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(key, $"OpenProbation:Letters:{key} must not be empty");
            }
            else if (value.Length > maxLength)
            {
                errors.Add(key, $"OpenProbation:Letters:{key} must be {maxLength} characters or fewer");
            }
            else if (value.Any(char.IsControl))
            {
                errors.Add(key, $"OpenProbation:Letters:{key} must be one line, without control characters");
            }
        }

        Text(nameof(ServiceName), ServiceName, FieldLimits.Title);
        Text(nameof(SignOff), SignOff, MaxSignOffLength);
        Text(nameof(ExcuseHow), ExcuseHow, MaxExcuseHowLength);
        return errors;
    }
}

/// <summary>What an appointment letter says.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="OrderId">The order the appointment is for, if any.</param>
/// <param name="AppointmentId">The appointment: the event, one letter each.</param>
/// <param name="PersonName">The person's name as the letter addresses them, e.g. "Sam Smith".</param>
/// <param name="Address">Their address, line by line, postcode last.</param>
/// <param name="StartsAt">When it starts; shown in the zone given to <see cref="LetterTemplates.Appointment"/> (Europe/London).</param>
/// <param name="Place">Where, e.g. "Stafford probation office, 1 Crown Street, Stafford ST16 2AA".</param>
/// <param name="What">The appointment in words with its article, e.g. "an office appointment".</param>
/// <param name="OfficerName">Who they will see, and who the letter is from.</param>
/// <param name="OfficeName">The office to contact, when known; otherwise "your probation office".</param>
/// <param name="Enforceable">True when missing it without a reasonable excuse is a failure to comply.</param>
public sealed record AppointmentLetterFacts(
    int PersonId, int? OrderId, int AppointmentId, string PersonName, IReadOnlyList<string> Address, DateTimeOffset StartsAt,
    string Place, string What, string OfficerName, string? OfficeName, bool Enforceable);

/// <summary>What a warning letter says.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="OrderId">The order warned on.</param>
/// <param name="FailureToComplyId">The failure decided as a warning: the event, one letter each.</param>
/// <param name="AppointmentId">The appointment failed.</param>
/// <param name="PersonName">The person's name as the letter addresses them.</param>
/// <param name="Address">Their address, line by line.</param>
/// <param name="FailureDate">The day of the failure.</param>
/// <param name="FailureWords">What they did, finishing "On Monday 2 March 2026 you …", e.g. "did not attend your appointment".</param>
/// <param name="OrderWords">The order, finishing "your …", e.g. "community order".</param>
/// <param name="WarnedOn">The day the warning was issued: the 12 months run from it.</param>
/// <param name="ExcuseDueOn">The last day to give a reasonable excuse (<see cref="Enforcement.FailureToComply.ExcuseDueOn"/>).</param>
/// <param name="OfficerName">Who the letter is from.</param>
/// <param name="WindowMonths">The months within which a further failure means breach action (<see cref="Enforcement.EnforcementSettings.WarningWindowMonths"/>).</param>
/// <param name="Licence">True for a licence: a further failure means a recall decision, not a return to court.</param>
public sealed record WarningLetterFacts(
    int PersonId, int OrderId, int FailureToComplyId, int? AppointmentId, string PersonName, IReadOnlyList<string> Address,
    DateOnly FailureDate, string FailureWords, string OrderWords, DateOnly WarnedOn, DateOnly ExcuseDueOn, string OfficerName,
    int WindowMonths, bool Licence = false);

/// <summary>What a breach (or recall) letter says.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="OrderId">The order breached.</param>
/// <param name="FailureToComplyId">The failure decided as breach or recall: the event, one letter each.</param>
/// <param name="AppointmentId">That failure's appointment.</param>
/// <param name="PersonName">The person's name as the letter addresses them.</param>
/// <param name="Address">Their address, line by line.</param>
/// <param name="OrderWords">The order, finishing "your …", e.g. "community order" or "licence".</param>
/// <param name="Failures">The failures the action is for, each with what happened, finishing "you …"; at least one.</param>
/// <param name="Licence">True for a licence: a recall is being considered, instead of a return to court.</param>
/// <param name="OfficerName">Who the letter is from.</param>
public sealed record BreachLetterFacts(
    int PersonId, int OrderId, int FailureToComplyId, int? AppointmentId, string PersonName, IReadOnlyList<string> Address,
    string OrderWords, IReadOnlyList<(DateOnly Date, string What)> Failures, bool Licence, string OfficerName);

/// <summary>
/// The letters' wording (issue 6): plain, respectful English that says what happened, what it means and what to do.
/// Each template returns an unsaved <see cref="Letter"/> for its event; the handler saves it once per event.
/// </summary>
public static class LetterTemplates
{
    /// <summary>
    /// What the person did at a failed appointment, finishing "On Monday 2 March 2026 you …", for the warning and
    /// breach letters.
    /// </summary>
    public static string FailureWords(AppointmentOutcome outcome, AppointmentType type)
    {
        var what = AppointmentTypes.Describe(type);
        return outcome == AppointmentOutcome.UnacceptableAbsence
            ? $"did not attend your {what} appointment, and gave no acceptable reason"
            : $"attended your {what} appointment but did not comply with what was asked of you";
    }

    /// <summary>
    /// An appointment letter: what, when (in <paramref name="zone"/>, Europe/London) and where, and for an enforceable
    /// appointment that missing it without a reasonable excuse can lead to a warning or further action.
    /// </summary>
    public static Letter Appointment(
        AppointmentLetterFacts facts, LetterTemplateSettings settings, TimeZoneInfo zone, DateOnly letterDate, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(facts.StartsAt, zone).DateTime;
        var when = $"{Wording.Date(DateOnly.FromDateTime(local))} at {Wording.Time(local)}";
        var office = string.IsNullOrWhiteSpace(facts.OfficeName) ? "your probation office" : facts.OfficeName.Trim();
        List<string> paragraphs =
        [
            $"You have {facts.What} with {facts.OfficerName} on {when}, at {facts.Place}.",
            facts.Enforceable
                ? "You must attend this appointment and do what is asked of you there. If you miss it, or do not comply, without a reasonable excuse, you may be given a formal warning or face further action."
                : "Please come to this appointment.",
            $"If you cannot attend, for example because you are ill, contact {office} before the appointment if you can, and keep any evidence, such as a medical note.",
            "Please bring this letter with you.",
        ];
        var letter = Make(LetterKind.Appointment, LetterEvents.Appointment(facts.AppointmentId), facts.PersonId, facts.OrderId, facts.PersonName,
            facts.Address, $"Your appointment on {when}", paragraphs, facts.OfficerName, settings, letterDate, createdBy, createdAt);
        letter.AppointmentId = facts.AppointmentId;
        return letter;
    }

    /// <summary>
    /// A warning letter: the failure, that this is a formal warning, the day by which to give a reasonable excuse and
    /// how, and that a further failure within the window of the warning means breach action and a return to court (for
    /// a licence, a recall decision).
    /// </summary>
    public static Letter Warning(
        WarningLetterFacts facts, LetterTemplateSettings settings, DateOnly letterDate, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(settings);
        var windowEnds = facts.WarnedOn.AddMonths(facts.WindowMonths);
        var consequence = facts.Licence
            ? "a decision will be made on recalling you to prison"
            : "breach action will be taken and your case will be returned to court";
        List<string> paragraphs =
        [
            $"This is a formal warning about your {facts.OrderWords}.",
            $"On {Wording.Date(facts.FailureDate)} you {facts.FailureWords}. This has been recorded as a failure to comply with your {facts.OrderWords}.",
            $"If you had a reasonable excuse, you have until {Wording.Date(facts.ExcuseDueOn)} to give it. To give your excuse, {settings.ExcuseHow}. Bring or send any evidence you have, such as a medical note. If your excuse is accepted, this warning will be withdrawn.",
            $"If you fail to comply again within {Wording.Count(facts.WindowMonths, "month", "months")} of this warning (up to and including {Wording.Date(windowEnds)}), {consequence}.",
            $"You must keep attending all your appointments and doing everything your {facts.OrderWords} requires.",
            $"If you have any questions, please contact {facts.OfficerName}.",
        ];
        var letter = Make(LetterKind.Warning, LetterEvents.Warning(facts.FailureToComplyId), facts.PersonId, facts.OrderId, facts.PersonName,
            facts.Address, "Formal warning", paragraphs, facts.OfficerName, settings, letterDate, createdBy, createdAt);
        letter.AppointmentId = facts.AppointmentId;
        letter.FailureToComplyId = facts.FailureToComplyId;
        return letter;
    }

    /// <summary>
    /// A breach letter: the failures, oldest first, that the case is being returned to court (for a licence, that a
    /// recall is being considered), and that the person must keep attending meanwhile.
    /// </summary>
    public static Letter Breach(
        BreachLetterFacts facts, LetterTemplateSettings settings, DateOnly letterDate, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(facts.Failures);
        if (facts.Failures.Count == 0)
        {
            throw new ArgumentException("A breach letter lists at least one failure", nameof(facts));
        }

        List<string> paragraphs =
        [
            $"You have not complied with your {facts.OrderWords} on {(facts.Failures.Count == 1 ? "this occasion" : "these occasions")}:",
            .. facts.Failures.OrderBy(f => f.Date).Select(f => $"\u2022 {Wording.Date(f.Date)}: you {f.What}"),
            facts.Licence
                ? "Because of this, your probation officer is considering whether you should be recalled to prison. If you are recalled, you will be told why."
                : "Because of this, your case is being returned to court. The court will decide what happens next and will tell you the date and place of the hearing. You must go to the hearing.",
            $"Your {facts.OrderWords} still applies. You must keep attending all your appointments and doing everything it requires.",
            $"If you have any questions, please contact {facts.OfficerName}.",
        ];
        var title = facts.Licence ? "Your licence: recall is being considered" : "Your case is being returned to court";
        var letter = Make(LetterKind.Breach, LetterEvents.Breach(facts.FailureToComplyId), facts.PersonId, facts.OrderId, facts.PersonName,
            facts.Address, title, paragraphs, facts.OfficerName, settings, letterDate, createdBy, createdAt);
        letter.AppointmentId = facts.AppointmentId;
        letter.FailureToComplyId = facts.FailureToComplyId;
        return letter;
    }

    private static Letter Make(
        LetterKind kind, string eventKey, int personId, int? orderId, string personName, IReadOnlyList<string> address, string title,
        List<string> paragraphs, string officerName, LetterTemplateSettings settings, DateOnly letterDate, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(personName);
        ArgumentException.ThrowIfNullOrWhiteSpace(officerName);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        return new Letter
        {
            Kind = kind,
            EventKey = eventKey,
            PersonId = personId,
            OrderId = orderId,
            Title = title,
            Addressee = personName.Trim(),
            AddressLines = [.. address.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())],
            Salutation = $"Dear {personName.Trim()}",
            Paragraphs = paragraphs,
            SignOff = settings.SignOff,
            SignedBy = officerName.Trim(),
            LetterDate = letterDate,
            CreatedAt = createdAt,
            CreatedBy = createdBy,
        };
    }
}
