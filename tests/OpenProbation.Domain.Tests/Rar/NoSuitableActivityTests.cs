using OpenProbation.Domain.Rar;
using OpenProbation.Domain.Risk;

namespace OpenProbation.Domain.Tests.Rar;

public sealed class NoSuitableActivityTests
{
    [Fact]
    public void A_need_and_a_reason_of_twenty_characters_are_required()
    {
        Assert.Equal(["need", "reason"], new NoSuitableActivityDetails(null, "none", null).Validate().Fields.Order());
        Assert.Equal(["need"], new NoSuitableActivityDetails((NeedArea)999, "No provider offers this within the area", null).Validate().Fields);
        Assert.Equal(["whatWasConsidered"], new NoSuitableActivityDetails(NeedArea.Accommodation, "No provider offers this within the area", new string('x', 2001)).Validate().Fields);
    }

    [Fact]
    public void A_valid_record_keeps_the_need_and_the_trimmed_words()
    {
        var details = new NoSuitableActivityDetails(NeedArea.Accommodation, "  The only housing service has a waiting list past the order's end  ", " ");
        Assert.True(details.Validate().IsValid);
        var record = details.ToRecord(7, 3, "officer", DateTimeOffset.UnixEpoch);
        Assert.Equal((7, 3, NeedArea.Accommodation, "The only housing service has a waiting list past the order's end", (string?)null),
            (record.RequirementId, record.PersonId, record.Need, record.Reason, record.WhatWasConsidered));
    }
}
