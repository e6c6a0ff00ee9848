using System.Net;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.Organisation;
using OpenProbation.Web.Features.People;
using OpenProbation.Web.Features.Staff;

namespace OpenProbation.Web.Tests.Infrastructure;

/// <summary>Builds records through the API, each with unique codes so tests never share data.</summary>
public static class TestData
{
    public static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(20, prefix.Length + 12)].ToUpperInvariant();

    public static async Task<RegionDto> CreateRegionAsync(HttpClient admin, string name = "Test Region") =>
        await Created<RegionDto>(await admin.PostJsonAsync("/api/v1/regions", new { code = Unique("R"), name }));

    public static async Task<DeliveryUnitDto> CreateDeliveryUnitAsync(HttpClient admin, int regionId, string name = "Test Unit") =>
        await Created<DeliveryUnitDto>(await admin.PostJsonAsync("/api/v1/delivery-units", new { regionId, code = Unique("U"), name }));

    public static async Task<TeamDto> CreateTeamAsync(HttpClient admin, int deliveryUnitId, string name = "Test Team") =>
        await Created<TeamDto>(await admin.PostJsonAsync("/api/v1/teams", new { deliveryUnitId, code = Unique("T"), name }));

    /// <summary>A team in a new delivery unit in a new region.</summary>
    public static async Task<TeamDto> CreateTeamAsync(HttpClient admin)
    {
        var region = await CreateRegionAsync(admin);
        var unit = await CreateDeliveryUnitAsync(admin, region.Id);
        return await CreateTeamAsync(admin, unit.Id);
    }

    public static async Task<StaffDto> CreateStaffAsync(
        HttpClient admin, int teamId, string grade = "ProbationOfficer", string startDate = "2020-01-06", string? endDate = null,
        string firstName = "Pat", string lastName = "Officer")
    {
        return await Created<StaffDto>(await admin.PostJsonAsync("/api/v1/staff", new
        {
            teamId,
            staffCode = Unique("S"),
            firstName,
            lastName,
            grade,
            contractedHours = 37,
            startDate,
            endDate,
        }));
    }

    public static async Task<AbsenceDto> CreateAbsenceAsync(HttpClient admin, int staffId, string startDate, string endDate, string type = "AnnualLeave") =>
        await Created<AbsenceDto>(await admin.PostJsonAsync($"/api/v1/staff/{staffId}/absences", new { type, startDate, endDate }));

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

    public static async Task<AddressDto> CreateAddressAsync(HttpClient client, string crn, string startDate = "2025-03-01", string postcode = "B1 1AA", string? endDate = null) =>
        await Created<AddressDto>(await client.PostJsonAsync($"/api/v1/people/{crn}/addresses", new
        {
            type = "Home",
            line1 = "1 Test Street",
            town = "Birmingham",
            postcode,
            startDate,
            endDate,
        }));

    /// <summary>A twelve-month community order sentenced three weeks before the fixed "today".</summary>
    public static async Task<OrderDto> CreateOrderAsync(
        HttpClient client, string crn, string type = "CommunityOrder", string sentenceDate = "2026-11-02", int length = 12, string lengthUnit = "Months")
    {
        return await Created<OrderDto>(await client.PostJsonAsync($"/api/v1/people/{crn}/orders", new
        {
            type,
            court = "Birmingham Magistrates' Court",
            offence = "Theft from a shop",
            sentenceDate,
            length,
            lengthUnit,
        }));
    }

    /// <summary>A new person with a new community order.</summary>
    public static async Task<OrderDto> CreatePersonWithOrderAsync(HttpClient client) =>
        await CreateOrderAsync(client, (await CreatePersonAsync(client)).Crn);

    public static async Task<AssignmentDto> AssignAsync(HttpClient allocator, int orderId, int staffMemberId, string? fromDate = null, string reason = "Allocation after sentence") =>
        await Created<AssignmentDto>(await allocator.PostJsonAsync($"/api/v1/orders/{orderId}/assignments", new { staffMemberId, fromDate, reason }));

    public static async Task<T> Created<T>(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }
}
