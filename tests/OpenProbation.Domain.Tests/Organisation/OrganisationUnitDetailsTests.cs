using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.Tests.Common;

namespace OpenProbation.Domain.Tests.Organisation;

public class OrganisationUnitDetailsTests
{
    [Theory]
    [InlineData("WMD", null)]
    [InlineData("N07-BHM", null)]
    [InlineData("team-2", null)]
    [InlineData("WM D", "Code must contain only letters, digits and hyphens")]
    [InlineData("WMD_1", "Code must contain only letters, digits and hyphens")]
    [InlineData("\u00C9MD", "Code must contain only letters, digits and hyphens")]
    [InlineData("", "Enter a code")]
    [InlineData("   ", "Enter a code")]
    [InlineData("ABCDEFGHIJKLMNOPQRST", null)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", "A code must be 20 characters or fewer")]
    public void A_code_is_up_to_20_letters_digits_and_hyphens(string code, string? message)
    {
        var errors = new OrganisationUnitDetails(code, "Birmingham North").Validate();

        if (message is null)
        {
            ErrorAssert.Valid(errors);
        }
        else
        {
            Assert.Equal(message, ErrorAssert.Single(errors, "code"));
        }
    }

    [Fact]
    public void A_name_is_required_and_may_be_200_characters_but_not_201()
    {
        ErrorAssert.Single(new OrganisationUnitDetails("WMD", " ").Validate(), "name");
        ErrorAssert.Valid(new OrganisationUnitDetails("WMD", new string('n', 200)).Validate());
        ErrorAssert.Single(new OrganisationUnitDetails("WMD", new string('n', 201)).Validate(), "name");
    }
}
