using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Tiering;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Features.Staff;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Contacts;

/// <summary>An office with an interview room, an open-plan booth, a group room for 12 and a small group room for 4.</summary>
public sealed record Office(LocationDto Location, RoomDto Interview, RoomDto Booth, RoomDto GroupRoom, RoomDto SmallGroupRoom);

/// <summary>A person on a community order allocated to an officer.</summary>
public sealed record SupervisedCase(string Crn, int OrderId, StaffDto Officer);

/// <summary>Builds offices, officers and cases through the API, each new, so tests never share them.</summary>
public static class ContactTestData
{
    /// <summary>Monday 30 November 2026, 10:00 in London (GMT): a working day a week after the fixed "today".</summary>
    public const string NextMonday = "2026-11-30T10:00:00Z";

    public static async Task<Office> CreateOfficeAsync(HttpClient manager)
    {
        var location = await TestData.Created<LocationDto>(await manager.PostJsonAsync("/api/v1/locations", new
        {
            name = "Birmingham Centre probation office " + TestData.Unique(""),
            address = "1 Corporation Street, Birmingham B4 6QB",
        }));
        return new Office(
            location,
            await RoomAsync(manager, location.Id, "Interview room 1", isPrivate: true, capacity: 4),
            await RoomAsync(manager, location.Id, "Reception booth", isPrivate: false, capacity: 2),
            await RoomAsync(manager, location.Id, "Group room", isPrivate: true, capacity: 12),
            await RoomAsync(manager, location.Id, "Small group room", isPrivate: true, capacity: 4));
    }

    public static async Task<RoomDto> RoomAsync(HttpClient manager, int locationId, string name, bool isPrivate, int capacity) =>
        await TestData.Created<RoomDto>(await manager.PostJsonAsync($"/api/v1/locations/{locationId}/rooms", new { name, isPrivate, capacity }));

    public static async Task<StaffDto> CreateOfficerAsync(HttpClient manager, int? teamId = null, string firstName = "Pat", string lastName = "Officer") =>
        await TestData.CreateStaffAsync(manager, teamId ?? (await TestData.CreateTeamAsync(manager)).Id, firstName: firstName, lastName: lastName);

    /// <summary>A new person on a new order sentenced on <paramref name="sentenceDate"/>, allocated to <paramref name="officer"/>.</summary>
    public static async Task<SupervisedCase> CreateCaseAsync(HttpClient manager, StaffDto officer, string sentenceDate = "2026-11-02")
    {
        var person = await TestData.CreatePersonAsync(manager);
        var order = await TestData.CreateOrderAsync(manager, person.Crn, sentenceDate: sentenceDate);
        await TestData.AssignAsync(manager, order.Id, officer.Id, fromDate: sentenceDate);
        return new SupervisedCase(person.Crn, order.Id, officer);
    }

    /// <summary>Another order for the same person, allocated to another officer.</summary>
    public static async Task<OrderDto> AddOrderAsync(HttpClient manager, string crn, StaffDto officer, string sentenceDate = "2026-11-02")
    {
        var order = await TestData.CreateOrderAsync(manager, crn, sentenceDate: sentenceDate);
        await TestData.AssignAsync(manager, order.Id, officer.Id, fromDate: sentenceDate);
        return order;
    }

    public static object Interview(
        int staffMemberId, Office office, string startsAt = NextMonday, int durationMinutes = 60, int? roomId = null, int? repeatEveryDays = null,
        int? occurrences = null) => new
        {
            type = "OfficeInterview",
            startsAt,
            durationMinutes,
            staffMemberId,
            locationId = office.Location.Id,
            roomId = roomId ?? office.Interview.Id,
            repeatEveryDays,
            occurrences,
        };

    /// <summary>A home visit that has happened, with its outcome, for <c>/people/{crn}/contacts</c>.</summary>
    public static object Visit(int staffMemberId, string startsAt, string outcome = "AttendedComplied", string? outcomeNotes = null) => new
    {
        type = "HomeVisit",
        startsAt,
        durationMinutes = 45,
        staffMemberId,
        outcome,
        outcomeNotes,
    };

    public static async Task<AppointmentDto> ArrangeOneAsync(HttpClient client, string crn, object body) =>
        (await TestData.Created<AppointmentsArrangedDto>(await client.PostJsonAsync($"/api/v1/people/{crn}/appointments", body))).Appointments.Single();

    public static async Task<AppointmentDto> RecordVisitAsync(HttpClient client, string crn, int staffMemberId, string startsAt) =>
        await TestData.Created<AppointmentDto>(await client.PostJsonAsync($"/api/v1/people/{crn}/contacts", Visit(staffMemberId, startsAt)));

    /// <summary>Sets the case's current tier, from a date; tiers come from assessments, which a contact test need not make.</summary>
    public static Task SetTierAsync(AppFixture app, string crn, string tier, DateOnly from) => app.WithDbAsync(db =>
        db.CaseTiers.Where(t => t.Person!.Crn == crn && t.Status == CaseTierStatus.Current)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Tier, tier).SetProperty(t => t.AppliedOn, from)));

    /// <summary>Restricts a case to the given users (a system administrator does it).</summary>
    public static async Task RestrictAsync(AppFixture app, string crn, params string[] allowed)
    {
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var response = await admin.PutJsonAsync($"/api/v1/people/{crn}/access",
            new { restricted = true, allowedUsers = allowed, excludedUsers = Array.Empty<string>(), reason = "Test: restricted" }, 0);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
