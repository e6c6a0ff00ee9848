using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Orders;
using OpenProbation.Web.Features.Contacts;
using OpenProbation.Web.Features.Orders;
using OpenProbation.Web.Security;
using OpenProbation.Web.Tests.Contacts;
using OpenProbation.Web.Tests.Infrastructure;

namespace OpenProbation.Web.Tests.Court;

/// <summary>
/// Two courts' orders, each test with its own courts: at the first, an active community order with a RAR of 10 days (two
/// days delivered from three sessions, and an absence), a completed suspended sentence order, a breached and a revoked
/// community order (100 hours' unpaid work), one from before the period, and a restricted case the reader may not see;
/// at the second, a completed order with a RAR of 5 (one day delivered) and a terminated one with 80 hours' unpaid work.
/// </summary>
public sealed record CourtWorld(string First, string Second, HttpClient Reader, string ReaderName, HttpClient Allowed, string AllowedName)
{
    public static async Task<CourtWorld> BuildAsync(AppFixture app)
    {
        var manager = await app.ClientForAsync(Roles.SeniorProbationOfficer);
        var admin = await app.ClientForAsync(Roles.SystemAdministrator);
        var officer = await ContactTestData.CreateOfficerAsync(manager);
        var first = TestData.Unique("North ") + " Magistrates' Court";
        var second = TestData.Unique("South ") + " Crown Court";

        async Task<(string Crn, int OrderId)> OrderAsync(string court, string type = "CommunityOrder", string sentenceDate = "2026-11-02")
        {
            var person = await TestData.CreatePersonAsync(manager);
            var order = await TestData.Created<OrderDto>(await manager.PostJsonAsync($"/api/v1/people/{person.Crn}/orders", new
            {
                type, court, offence = "Theft from a shop", sentenceDate, length = 12, lengthUnit = "Months",
            }));
            return (person.Crn, order.Id);
        }

        async Task<int> RequirementAsync(int orderId, object body) =>
            (await TestData.Created<RequirementDto>(await manager.PostJsonAsync($"/api/v1/orders/{orderId}/requirements", body))).Id;

        async Task SessionAsync((string Crn, int OrderId) order, int requirementId, string startsAt, string outcome = "AttendedComplied") =>
            await TestData.Created<AppointmentDto>(await manager.PostJsonAsync($"/api/v1/people/{order.Crn}/contacts", new
            {
                type = "RarSession", startsAt, durationMinutes = 90, staffMemberId = officer.Id, orderId = order.OrderId, requirementId, outcome,
                outcomeNotes = outcome == "AttendedComplied" ? null : "Did not attend; no contact since",
            }));

        var active = await OrderAsync(first);
        var rar = await RequirementAsync(active.OrderId, new { type = "Rar", rarMaxDays = 10, status = "Active", startDate = "2026-11-02" });
        await SessionAsync(active, rar, "2026-11-16T10:00:00Z");
        await SessionAsync(active, rar, "2026-11-16T14:00:00Z");
        await SessionAsync(active, rar, "2026-11-18T10:00:00Z");
        await SessionAsync(active, rar, "2026-11-19T10:00:00Z", "UnacceptableAbsence");
        var completed = await OrderAsync(first, "SuspendedSentenceOrder", "2026-03-02");
        var breached = await OrderAsync(first);
        var revoked = await OrderAsync(first);
        await RequirementAsync(revoked.OrderId, new { type = "UnpaidWork", unpaidWorkHours = 100 });
        await OrderAsync(first, sentenceDate: "2025-01-10");

        var hidden = await OrderAsync(first);
        await RequirementAsync(hidden.OrderId, new { type = "UnpaidWork", unpaidWorkHours = 200 });
        var allowedName = await app.CreateUserAsync(Roles.CourtOfficer);
        var access = await admin.PutJsonAsync($"/api/v1/people/{hidden.Crn}/access",
            new { restricted = true, allowedUsers = new[] { allowedName }, excludedUsers = Array.Empty<string>(), reason = "Member of staff's relative" }, 0);
        Assert.True(access.IsSuccessStatusCode, await access.Content.ReadAsStringAsync());

        var secondDone = await OrderAsync(second);
        var secondRar = await RequirementAsync(secondDone.OrderId, new { type = "Rar", rarMaxDays = 5, status = "Active", startDate = "2026-11-02" });
        await SessionAsync(secondDone, secondRar, "2026-11-17T10:00:00Z");
        var terminated = await OrderAsync(second);
        await RequirementAsync(terminated.OrderId, new { type = "UnpaidWork", unpaidWorkHours = 80 });

        // Where the orders stand now, set directly: the report reads statuses, not how they were reached.
        async Task StatusAsync(int orderId, OrderStatus status) => await app.WithDbAsync(db =>
            db.Orders.Where(o => o.Id == orderId).ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, status), default));
        await StatusAsync(completed.OrderId, OrderStatus.Completed);
        await StatusAsync(breached.OrderId, OrderStatus.Breached);
        await StatusAsync(revoked.OrderId, OrderStatus.Revoked);
        await StatusAsync(hidden.OrderId, OrderStatus.Terminated);
        await StatusAsync(secondDone.OrderId, OrderStatus.Completed);
        await StatusAsync(terminated.OrderId, OrderStatus.Terminated);

        var readerName = await app.CreateUserAsync(Roles.CourtOfficer);
        return new CourtWorld(first, second, await app.ClientForUserAsync(readerName), readerName, await app.ClientForUserAsync(allowedName), allowedName);
    }
}
