using System.Net;
using OpenProbation.Web.Features.Organisation;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Features.Staff;

namespace OpenProbation.Web.Tests.Infrastructure;

/// <summary>Builds records through the API, each with unique codes so tests never share data.</summary>
public static class TestData
{
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(20, prefix.Length + 12)].ToUpperInvariant();

    public static async Task<TeamDto> CreateTeamAsync(HttpClient admin)
    {
        var region = await Created<RegionDto>(await admin.PostJsonAsync("/api/v1/regions", new { code = Unique("R"), name = "Test Region" }));
        var unit = await Created<DeliveryUnitDto>(await admin.PostJsonAsync("/api/v1/delivery-units", new { regionId = region.Id, code = Unique("U"), name = "Test Unit" }));
        return await Created<TeamDto>(await admin.PostJsonAsync("/api/v1/teams", new { deliveryUnitId = unit.Id, code = Unique("T"), name = "Test Team" }));
    }

    public static async Task<StaffDto> CreateStaffAsync(HttpClient admin, int teamId, string grade = "ProbationOfficer", string startDate = "2020-01-06")
    {
        return await Created<StaffDto>(await admin.PostJsonAsync("/api/v1/staff", new
        {
            teamId,
            staffCode = Unique("S"),
            firstName = "Pat",
            lastName = "Officer",
            grade,
            contractedHours = 37,
            startDate,
        }));
    }

    public static async Task<PersonDto> CreatePersonAsync(HttpClient client, string firstName = "Alex", string lastName = "Testperson", string dateOfBirth = "1990-05-17")
    {
        return await Created<PersonDto>(await client.PostJsonAsync("/api/v1/people", new
        {
            firstName,
            lastName,
            dateOfBirth,
            gender = "Male",
        }));
    }

    public static async Task<T> Created<T>(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }
}
