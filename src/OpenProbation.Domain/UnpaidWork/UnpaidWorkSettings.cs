using OpenProbation.Domain.Common;

namespace OpenProbation.Domain.UnpaidWork;

/// <summary>
/// The unpaid work settings, meant for configuration under <c>OpenProbation:UnpaidWork</c> (not bound by the web
/// application yet); defaults from the law, PRACTICE.md section 2 and common practice, each said below.
/// </summary>
public sealed record UnpaidWorkSettings
{
    /// <summary>
    /// The hours are to be worked within this many months beginning with the day the order is made: 12, the time the
    /// law allows unless the court extends it (<see cref="UnpaidWorkHours.LastDay"/> decides the last day).
    /// </summary>
    public int CompletionMonths { get; init; } = 12;

    /// <summary>
    /// The most travel time credited for one session, in minutes: 180. Travel claimed beyond it is recorded but not
    /// credited.
    /// </summary>
    public int TravelCapMinutes { get; init; } = 180;

    /// <summary>
    /// The most people one supervisor's group may be set to: 10, OpenProbation's default for a work party under one
    /// supervisor. A session may be set smaller, never larger.
    /// </summary>
    public int MaxGroupSize { get; init; } = 10;

    /// <summary>
    /// The most people booked on all the sessions meeting at one office on one day: 60 (community payback groups of up
    /// to 60 people a day at one office, PRACTICE.md section 2). A cap separate from <see cref="MaxGroupSize"/>: six
    /// full groups of ten fill an office's day.
    /// </summary>
    public int MaxPeoplePerOfficeDay { get; init; } = 60;

    /// <summary>
    /// The most minutes one session may credit, whatever is recorded: 660, a working day of 8 hours
    /// (<see cref="Contacts.AppointmentDetails.MaxDurationMinutes"/>) and the full travel cap.
    /// </summary>
    public int MaxCreditedMinutesPerSession { get; init; } = 660;

    /// <summary>
    /// The hours a week a person can realistically work, for judging whether the hours can be finished in time: 7, one
    /// working day a week, which is common practice. An assumption, not a rule of law: set it to local practice.
    /// </summary>
    public decimal RealisticHoursPerWeek { get; init; } = 7m;

    /// <summary>Checks the settings; messages name the configuration keys.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        void Range(string key, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                errors.Add(key, $"OpenProbation:UnpaidWork:{key} must be from {min} to {max}");
            }
        }

        Range(nameof(CompletionMonths), CompletionMonths, 1, 60);
        Range(nameof(TravelCapMinutes), TravelCapMinutes, 0, 480);
        Range(nameof(MaxGroupSize), MaxGroupSize, 1, 50);
        Range(nameof(MaxPeoplePerOfficeDay), MaxPeoplePerOfficeDay, 1, 1000);
        Range(nameof(MaxCreditedMinutesPerSession), MaxCreditedMinutesPerSession, 60, 1440);
        if (RealisticHoursPerWeek is < 1m or > 40m)
        {
            errors.Add(nameof(RealisticHoursPerWeek), $"OpenProbation:UnpaidWork:{nameof(RealisticHoursPerWeek)} must be from 1 to 40");
        }

        if (errors.IsValid && MaxGroupSize > MaxPeoplePerOfficeDay)
        {
            errors.Add(nameof(MaxGroupSize), $"OpenProbation:UnpaidWork:{nameof(MaxGroupSize)} must not be more than {nameof(MaxPeoplePerOfficeDay)}");
        }

        if (errors.IsValid && TravelCapMinutes > MaxCreditedMinutesPerSession)
        {
            errors.Add(nameof(TravelCapMinutes), $"OpenProbation:UnpaidWork:{nameof(TravelCapMinutes)} must not be more than {nameof(MaxCreditedMinutesPerSession)}");
        }

        return errors;
    }
}
