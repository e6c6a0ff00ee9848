using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Letters;
using OpenProbation.Domain.Orders;

namespace OpenProbation.Domain.Tests.Orders;

public sealed class RarNeedTests
{
    [Theory]
    [InlineData(15, 4, 11)]
    [InlineData(10, 10, 0)]
    [InlineData(5, 7, 0)]
    public void A_rar_still_needs_the_days_allowed_less_those_delivered_never_below_none(int maximum, int delivered, int remaining)
    {
        var need = RequirementDelivery.RarNeed(RequirementStatus.Active, maximum, delivered, new DateOnly(2027, 1, 4));
        Assert.Equal((RequirementType.Rar, (int?)remaining), (need.Type, need.RarDaysRemaining));
        Assert.True(need.Validate().IsValid);
    }

    [Fact]
    public void A_letter_says_what_the_person_did_at_the_failed_appointment()
    {
        Assert.Equal("did not attend your home visit appointment, and gave no acceptable reason",
            LetterTemplates.FailureWords(AppointmentOutcome.UnacceptableAbsence, AppointmentType.HomeVisit));
        Assert.StartsWith("attended your", LetterTemplates.FailureWords(AppointmentOutcome.AttendedFailedToComply, AppointmentType.HomeVisit), StringComparison.Ordinal);
    }
}
