using Microsoft.EntityFrameworkCore;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.People;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Audit;

namespace OpenProbation.Web.Features.Transfer;

/// <summary>
/// One import: reads the files in dependency order, checks every row and writes inside one transaction, which is
/// rolled back if any row had a problem. Writing stops at the first problem, but reading goes on so the user sees
/// every problem at once. A row that refers to a row refused for its own problem is not reported again.
/// </summary>
internal sealed class CsvImporter
{
    // Rows per SaveChanges: large enough to batch the inserts, small enough to keep the change tracker cheap.
    private const int BatchSize = 2_000;

    // Checks that compare with today are switched off by validating "as at the end of time": an import moves
    // history, and a record that was valid when made (a completed order, an old marker) stays valid.
    private static readonly DateOnly NoToday = DateOnly.MaxValue;

    private readonly OpenProbationDbContext _db;
    private readonly DateOnly _today;
    private readonly DateTimeOffset _now;
    private readonly CsvProblems _problems = new();

    // Known keys: the database's rows plus the files'. A null value marks a row of the files that was refused.
    private readonly Dictionary<string, Region?> _regions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, DeliveryUnit?> _units = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Team?> _teams = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, StaffMember?> _staff = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, StaffMember?> _staffInFile = new(StringComparer.OrdinalIgnoreCase);

    // People and orders of the files only: person id by CRN, order by (CRN, order_ref). Ids are 0 until saved.
    private readonly Dictionary<string, int?> _people = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Crn, int Ref), OrderKey?> _orders = [];

    public CsvImporter(OpenProbationDbContext db, DateOnly today, DateTimeOffset now)
    {
        _db = db;
        _today = today;
        _now = now;
    }

    private bool Writing => _problems.Count == 0;

    public async Task<TransferSummary> RunAsync(string directory, CancellationToken ct)
    {
        var files = new List<CsvRowReader>();
        var autoDetect = _db.ChangeTracker.AutoDetectChangesEnabled;

        // Every row of a whole database: one summary audit event, in the import's transaction, instead of one per row.
        using var rowAudit = _db.SuspendRowAudit();
        try
        {
            foreach (var spec in CsvTransfer.Specs)
            {
                if (await CsvRowReader.OpenAsync(directory, spec, _problems, ct) is { } file)
                {
                    files.Add(file);
                }
            }

            // A missing file or a wrong header makes every row suspect: report those alone.
            ThrowIfProblems();
            _db.ChangeTracker.Clear();
            _db.ChangeTracker.AutoDetectChangesEnabled = true;
            await using var transaction = await _db.Database.BeginTransactionAsync(ct);
            await LoadOrganisationAsync(ct);
            await ImportRegionsAsync(files[0], ct);
            await ImportUnitsAsync(files[1], ct);
            await ImportTeamsAsync(files[2], ct);
            await ImportStaffAsync(files[3], ct);

            // Case rows are only inserted: no change detection needed, and a cleared tracker keeps batches fast.
            _db.ChangeTracker.Clear();
            _db.ChangeTracker.AutoDetectChangesEnabled = false;
            await ImportAbsencesAsync(files[4], ct);
            await ImportPeopleAsync(files[5], ct);
            await ImportAddressesAsync(files[6], ct);
            await ImportMarkersAsync(files[7], ct);
            await ImportOrdersAsync(files[8], ct);
            await ImportRequirementsAsync(files[9], ct);
            await ImportAssignmentsAsync(files[10], ct);
            await ImportRestrictionsAsync(files[11], ct);
            await ImportAccessEntriesAsync(files[12], ct);

            ThrowIfProblems();
            var summary = new TransferSummary(files.ToDictionary(f => f.File, f => f.Rows, StringComparer.Ordinal));
            AuditTrail.RecordBulkLoad(_db, "csv import", summary.RowsByFile);
            await _db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return summary;
        }
        finally
        {
            _db.ChangeTracker.Clear();
            _db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            foreach (var file in files)
            {
                file.Dispose();
            }
        }
    }

    private void ThrowIfProblems()
    {
        if (_problems.Count > 0)
        {
            throw new CsvImportException(_problems.Listed, _problems.Count);
        }
    }

    private async Task LoadOrganisationAsync(CancellationToken ct)
    {
        foreach (var r in await _db.Regions.ToListAsync(ct))
        {
            _regions[r.Code] = r;
        }

        foreach (var u in await _db.DeliveryUnits.ToListAsync(ct))
        {
            _units[u.Code] = u;
        }

        foreach (var t in await _db.Teams.ToListAsync(ct))
        {
            _teams[t.Code] = t;
        }

        foreach (var s in await _db.Staff.ToListAsync(ct))
        {
            _staff[s.StaffCode] = s;
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        if (Writing)
        {
            await _db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Saves the rows added since the last batch (unless a problem has stopped writing) and empties the tracker.</summary>
    private async Task FlushAsync(CancellationToken ct)
    {
        await SaveAsync(ct);
        _db.ChangeTracker.Clear();
    }

    private async Task ImportRegionsAsync(CsvRowReader file, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await file.ReadAsync(ct))
        {
            var code = file.Code("code");
            var name = file.RequiredText("name", FieldLimits.Title);
            file.Report(new OrganisationUnitDetails(code, name).Validate());
            if (code is null || !FirstInFile(file, seen, code, "code"))
            {
                continue;
            }

            if (!file.RowValid)
            {
                _regions.TryAdd(code, null);
                continue;
            }

            if (_regions.GetValueOrDefault(code) is not { } region)
            {
                region = new Region();
                _db.Regions.Add(region);
                _regions[code] = region;
            }

            region.Code = code;
            region.Name = name!.Trim();
        }

        await SaveAsync(ct);
    }

    private async Task ImportUnitsAsync(CsvRowReader file, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await file.ReadAsync(ct))
        {
            var code = file.Code("code");
            var region = Find(file, _regions, "region_code", "No region with this code in regions.csv or the database");
            var name = file.RequiredText("name", FieldLimits.Title);
            file.Report(new OrganisationUnitDetails(code, name).Validate());
            if (code is null || !FirstInFile(file, seen, code, "code"))
            {
                continue;
            }

            if (!file.RowValid || region is null)
            {
                _units.TryAdd(code, null);
                continue;
            }

            if (_units.GetValueOrDefault(code) is not { } unit)
            {
                unit = new DeliveryUnit();
                _db.DeliveryUnits.Add(unit);
                _units[code] = unit;
            }

            unit.Code = code;
            unit.RegionId = region.Id;
            unit.Name = name!.Trim();
        }

        await SaveAsync(ct);
    }

    private async Task ImportTeamsAsync(CsvRowReader file, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await file.ReadAsync(ct))
        {
            var code = file.Code("code");
            var unit = Find(file, _units, "delivery_unit_code", "No delivery unit with this code in delivery-units.csv or the database");
            var name = file.RequiredText("name", FieldLimits.Title);
            file.Report(new OrganisationUnitDetails(code, name).Validate());
            if (code is null || !FirstInFile(file, seen, code, "code"))
            {
                continue;
            }

            if (!file.RowValid || unit is null)
            {
                _teams.TryAdd(code, null);
                continue;
            }

            if (_teams.GetValueOrDefault(code) is not { } team)
            {
                team = new Team();
                _db.Teams.Add(team);
                _teams[code] = team;
            }

            team.Code = code;
            team.DeliveryUnitId = unit.Id;
            team.Name = name!.Trim();
        }

        await SaveAsync(ct);
    }

    private async Task ImportStaffAsync(CsvRowReader file, CancellationToken ct)
    {
        while (await file.ReadAsync(ct))
        {
            var code = file.Code("staff_code");
            var team = Find(file, _teams, "team_code", "No team with this code in teams.csv or the database");
            var details = new StaffDetails(
                team?.Id ?? 0,
                code,
                file.RequiredText("first_name", FieldLimits.Name),
                file.RequiredText("last_name", FieldLimits.Name),
                file.Text("email", FieldLimits.Email),
                file.Enum<StaffGrade>("grade", required: true),
                file.Decimal("contracted_hours", required: true),
                file.Date("start_date", required: true),
                file.Date("end_date"),
                file.Bool("is_agency"));
            file.Report(details.Validate());
            if (code is null)
            {
                continue;
            }

            if (_staffInFile.ContainsKey(code))
            {
                file.Problem("staff_code", "This code appears more than once in the file");
                continue;
            }

            if (!file.RowValid || team is null)
            {
                _staffInFile[code] = null;
                _staff.TryAdd(code, null);
                continue;
            }

            if (_staff.GetValueOrDefault(code) is not { } member)
            {
                member = new StaffMember();
                _db.Staff.Add(member);
                _staff[code] = member;
            }

            member.Apply(details);
            _staffInFile[code] = member;
        }

        await SaveAsync(ct);
    }

    /// <summary>Replaces the absences of every member of staff in staff.csv by the file's.</summary>
    private async Task ImportAbsencesAsync(CsvRowReader file, CancellationToken ct)
    {
        if (Writing)
        {
            var ids = _staffInFile.Values.Select(s => s!.Id).ToList();
            _db.Absences.RemoveRange(await _db.Absences.Where(a => ids.Contains(a.StaffMemberId)).ToListAsync(ct));
        }

        var added = 0;
        while (await file.ReadAsync(ct))
        {
            var code = file.Code("staff_code");
            StaffMember? member = null;
            if (code is not null && !_staffInFile.TryGetValue(code, out member))
            {
                file.Problem("staff_code", "No member of staff with this code in staff.csv: absences are imported with their staff");
            }

            var details = new AbsenceDetails(
                file.Enum<AbsenceType>("type", required: true),
                file.Date("start_date", required: true),
                file.Date("end_date", required: true),
                file.Text("notes", FieldLimits.Note));
            file.Report(details.Validate());
            if (!file.RowValid || member is null || !Writing)
            {
                continue;
            }

            var absence = new StaffAbsence { StaffMemberId = member.Id };
            absence.Apply(details);
            _db.Absences.Add(absence);
            if (++added % BatchSize == 0)
            {
                await FlushAsync(ct);
            }
        }

        await FlushAsync(ct);
    }

    private async Task ImportPeopleAsync(CsvRowReader file, CancellationToken ct)
    {
        var existing = await _db.People.AsNoTracking().Select(p => p.Crn).ToListAsync(ct);
        var inDatabase = existing.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var pending = new List<Person>(BatchSize);
        while (await file.ReadAsync(ct))
        {
            var crn = file.Crn("crn");
            var details = new PersonDetails(
                file.RequiredText("first_name", FieldLimits.Name),
                file.Text("middle_names", FieldLimits.Name),
                file.RequiredText("last_name", FieldLimits.Name),
                file.Text("preferred_name", FieldLimits.Name),
                file.Date("date_of_birth", required: true),
                file.Enum<Gender>("gender", required: true),
                file.Text("phone", FieldLimits.Phone),
                file.Text("email", FieldLimits.Email));
            var createdAt = file.Timestamp("created_at");

            // The age limits apply to today's cases, not to a record of someone who has since grown older.
            file.Report(details.Validate(_today), "dateOfBirth");
            if (details.DateOfBirth > _today)
            {
                file.Problem("date_of_birth", "Date of birth must be in the past");
            }

            if (crn is null)
            {
                continue;
            }

            if (inDatabase.Contains(crn))
            {
                file.Problem("crn", "A person with this CRN is already in the database: an import only adds people");
            }
            else if (_people.ContainsKey(crn))
            {
                file.Problem("crn", "This CRN appears more than once in the file");
                continue;
            }

            if (!file.RowValid)
            {
                _people[crn] = null;
                continue;
            }

            _people[crn] = 0;
            if (!Writing)
            {
                continue;
            }

            var person = new Person { Crn = crn, CreatedAt = createdAt ?? _now };
            person.Apply(details);
            _db.People.Add(person);
            pending.Add(person);
            if (pending.Count == BatchSize)
            {
                await FlushPeopleAsync(pending, ct);
            }
        }

        await FlushPeopleAsync(pending, ct);
    }

    private async Task FlushPeopleAsync(List<Person> pending, CancellationToken ct)
    {
        await FlushAsync(ct);
        if (Writing)
        {
            foreach (var person in pending)
            {
                _people[person.Crn] = person.Id;
            }
        }

        pending.Clear();
    }

    private async Task ImportAddressesAsync(CsvRowReader file, CancellationToken ct)
    {
        var added = 0;
        while (await file.ReadAsync(ct))
        {
            var personId = PersonOf(file);
            var details = new AddressDetails(
                file.Enum<AddressType>("type", required: true),
                file.RequiredText("line1", FieldLimits.AddressLine),
                file.Text("line2", FieldLimits.AddressLine),
                file.RequiredText("town", FieldLimits.AddressLine),
                file.Text("county", FieldLimits.AddressLine),
                file.Text("postcode", FieldLimits.AddressLine),
                file.Date("start_date", required: true),
                file.Date("end_date"));
            file.Report(details.Validate(NoToday));
            if (!file.RowValid || personId is null || !Writing)
            {
                continue;
            }

            var address = new Address { PersonId = personId.Value };
            address.Apply(details);
            _db.Addresses.Add(address);
            if (++added % BatchSize == 0)
            {
                await FlushAsync(ct);
            }
        }

        await FlushAsync(ct);
    }

    private async Task ImportMarkersAsync(CsvRowReader file, CancellationToken ct)
    {
        var added = 0;
        while (await file.ReadAsync(ct))
        {
            var personId = PersonOf(file);
            var details = new MarkerDetails(
                file.Enum<MarkerType>("type", required: true),
                file.Int("mappa_level"),
                file.Int("mappa_category"),
                file.Text("description", FieldLimits.Note),
                file.Date("start_date", required: true),
                file.Date("end_date"));
            var addedBy = file.RequiredText("added_by", FieldLimits.UserName);
            var addedAt = file.Timestamp("added_at");
            file.Report(details.Validate(NoToday));
            if (!file.RowValid || personId is null || !Writing)
            {
                continue;
            }

            var marker = new Marker { PersonId = personId.Value, AddedBy = addedBy!, AddedAt = addedAt ?? _now };
            marker.Apply(details);
            _db.Markers.Add(marker);
            if (++added % BatchSize == 0)
            {
                await FlushAsync(ct);
            }
        }

        await FlushAsync(ct);
    }

    private async Task ImportOrdersAsync(CsvRowReader file, CancellationToken ct)
    {
        var pending = new List<(OrderKey Key, Order Order)>(BatchSize);
        while (await file.ReadAsync(ct))
        {
            var crn = file.Crn("crn");
            var personId = crn is null ? null : KnownPerson(file, crn);
            var orderRef = file.Reference("order_ref");
            var details = new OrderDetails(
                file.Enum<OrderType>("type", required: true),
                file.RequiredText("court", FieldLimits.Title),
                file.RequiredText("offence", FieldLimits.Title),
                file.Date("sentence_date", required: true),
                file.Date("start_date"),
                file.Int("length", required: true),
                file.Enum<LengthUnit>("length_unit", required: true),
                file.Date("expected_end_date"),
                file.Enum<OrderStatus>("status"),
                file.Date("termination_date"),
                file.Text("termination_reason", FieldLimits.Note));
            file.Report(details.Validate(NoToday));
            if (crn is null || orderRef is null)
            {
                continue;
            }

            var key = (crn, orderRef.Value);
            if (_orders.ContainsKey(key))
            {
                file.Problem("order_ref", "This CRN and order_ref appear more than once in the file");
                continue;
            }

            if (!file.RowValid || personId is null)
            {
                _orders[key] = null;
                continue;
            }

            // Built even when nothing is written: requirements are checked against their order.
            var order = new Order { PersonId = personId.Value };
            order.Apply(details);
            var orderKey = new OrderKey(order.Type, order.SentenceDate, order.ExpectedEndDate, order.Status);
            _orders[key] = orderKey;
            if (!Writing)
            {
                continue;
            }

            _db.Orders.Add(order);
            pending.Add((orderKey, order));
            if (pending.Count == BatchSize)
            {
                await FlushOrdersAsync(pending, ct);
            }
        }

        await FlushOrdersAsync(pending, ct);
    }

    private async Task FlushOrdersAsync(List<(OrderKey Key, Order Order)> pending, CancellationToken ct)
    {
        await FlushAsync(ct);
        if (Writing)
        {
            foreach (var (key, order) in pending)
            {
                key.Id = order.Id;
            }
        }

        pending.Clear();
    }

    private async Task ImportRequirementsAsync(CsvRowReader file, CancellationToken ct)
    {
        var seen = new HashSet<(string, int, int)>();
        var added = 0;
        while (await file.ReadAsync(ct))
        {
            var (order, key) = OrderOf(file);
            var requirementRef = file.Reference("requirement_ref");
            if (key is { } k && requirementRef is { } r && !seen.Add((k.Crn, k.Ref, r)))
            {
                file.Problem("requirement_ref", "This CRN, order_ref and requirement_ref appear more than once in the file");
            }

            var details = new RequirementDetails(
                file.Enum<RequirementType>("type", required: true),
                file.Int("rar_max_days"),
                file.Int("unpaid_work_hours"),
                file.Text("programme_name", FieldLimits.Title),
                file.Int("length_months"),
                file.Text("description", FieldLimits.Note),
                file.Enum<RequirementStatus>("status"),
                file.Date("start_date"),
                file.Date("end_date"),
                file.Text("termination_reason", FieldLimits.Note));
            if (order is not null)
            {
                file.Report(details.Validate(order.ToOrder(), NoToday));
            }

            if (!file.RowValid || order is null || !Writing)
            {
                continue;
            }

            var requirement = new Requirement { OrderId = order.Id };
            requirement.Apply(details);
            _db.Requirements.Add(requirement);
            if (++added % BatchSize == 0)
            {
                await FlushAsync(ct);
            }
        }

        await FlushAsync(ct);
    }

    private async Task ImportAssignmentsAsync(CsvRowReader file, CancellationToken ct)
    {
        var added = 0;
        while (await file.ReadAsync(ct))
        {
            var (order, _) = OrderOf(file);
            var officer = Find(file, _staff, "staff_code", "No member of staff with this code in staff.csv or the database");
            var from = file.Date("from_date", required: true);
            var to = file.Date("to_date");
            var reason = file.RequiredText("reason", FieldLimits.Note);
            var assignedBy = file.RequiredText("assigned_by", FieldLimits.UserName);
            var createdAt = file.Timestamp("created_at");

            // Grade, time in post and a live order are rules for a new allocation, not for the history of one.
            if (from is { } f && to is { } t && t < f)
            {
                file.Problem("to_date", "The end of responsibility must be on or after its start");
            }

            if (!file.RowValid || order is null || officer is null || !Writing)
            {
                continue;
            }

            _db.Assignments.Add(new Assignment
            {
                OrderId = order.Id,
                StaffMemberId = officer.Id,
                FromDate = from!.Value,
                ToDate = to,
                Reason = reason!.Trim(),
                AssignedBy = assignedBy!.Trim(),
                CreatedAt = createdAt ?? _now,
            });
            if (++added % BatchSize == 0)
            {
                await FlushAsync(ct);
            }
        }

        await FlushAsync(ct);
    }

    /// <summary>
    /// Restrictions of the people in people.csv. User names are not checked against accounts: accounts are not
    /// part of a transfer, and the lists must arrive whole whether or not their accounts exist yet.
    /// </summary>
    private async Task ImportRestrictionsAsync(CsvRowReader file, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var added = 0;
        while (await file.ReadAsync(ct))
        {
            var crn = file.Crn("crn");
            var personId = crn is null ? null : KnownPerson(file, crn);
            var restricted = file.Bool("restricted", required: true);
            var reason = file.Text("reason", FieldLimits.Note);
            var changedBy = file.RequiredText("changed_by", FieldLimits.UserName);
            var changedAt = file.Timestamp("changed_at");
            file.Report(new ValidationErrors()
                .MaxLength("reason", reason, FieldLimits.Note, "the reason")
                .MaxLength("changedBy", changedBy, FieldLimits.UserName, "the user name"));
            if (restricted == true && string.IsNullOrWhiteSpace(reason))
            {
                file.Problem("reason", "A restricted case needs the reason it is restricted");
            }

            if (crn is not null && !seen.Add(crn))
            {
                file.Problem("crn", "This CRN appears more than once in the file");
            }

            if (!file.RowValid || personId is null || !Writing)
            {
                continue;
            }

            _db.CaseRestrictions.Add(new CaseRestriction
            {
                PersonId = personId.Value,
                IsRestricted = restricted!.Value,
                Reason = reason?.Trim(),
                ChangedBy = changedBy!.Trim(),
                ChangedAt = changedAt ?? _now,
            });
            if (++added % BatchSize == 0)
            {
                await FlushAsync(ct);
            }
        }

        await FlushAsync(ct);
    }

    private async Task ImportAccessEntriesAsync(CsvRowReader file, CancellationToken ct)
    {
        var added = 0;
        while (await file.ReadAsync(ct))
        {
            var personId = PersonOf(file);
            var kind = file.Enum<CaseAccessKind>("kind", required: true);
            var userName = file.RequiredText("user_name", FieldLimits.UserName);
            var reason = file.RequiredText("reason", FieldLimits.Note);
            var addedBy = file.RequiredText("added_by", FieldLimits.UserName);
            var addedAt = file.Timestamp("added_at");
            var removedBy = file.Text("removed_by", FieldLimits.UserName);
            var removedAt = file.Timestamp("removed_at");
            file.Report(new ValidationErrors()
                .MaxLength("userName", userName, FieldLimits.UserName, "the user name")
                .MaxLength("reason", reason, FieldLimits.Note, "the reason")
                .MaxLength("addedBy", addedBy, FieldLimits.UserName, "the user name")
                .MaxLength("removedBy", removedBy, FieldLimits.UserName, "the user name"));
            if (string.IsNullOrWhiteSpace(removedBy) != (removedAt is null) && file.RowValid)
            {
                file.Problem(removedAt is null ? "removed_at" : "removed_by", "An entry taken off its list needs both removed_by and removed_at");
            }

            if (!file.RowValid || personId is null || !Writing)
            {
                continue;
            }

            _db.CaseAccessEntries.Add(new CaseAccessEntry
            {
                PersonId = personId.Value,
                Kind = kind!.Value,
                UserName = userName!.Trim(),
                NormalizedUserName = CaseAccessEntry.NormalizeUserName(userName),
                Reason = reason!.Trim(),
                AddedBy = addedBy!.Trim(),
                AddedAt = addedAt ?? _now,
                RemovedBy = string.IsNullOrWhiteSpace(removedBy) ? null : removedBy.Trim(),
                RemovedAt = removedAt,
            });
            if (++added % BatchSize == 0)
            {
                await FlushAsync(ct);
            }
        }

        await FlushAsync(ct);
    }

    /// <summary>Reports a code seen earlier in the same file; true for its first appearance.</summary>
    private static bool FirstInFile(CsvRowReader file, HashSet<string> seen, string code, string column)
    {
        if (!seen.Add(code))
        {
            file.Problem(column, "This code appears more than once in the file");
            return false;
        }

        return true;
    }

    /// <summary>The row a code column refers to; null when it is unknown (reported) or was itself refused (not reported again).</summary>
    private static T? Find<T>(CsvRowReader file, Dictionary<string, T?> known, string column, string unknown)
        where T : class
    {
        var code = file.Code(column);
        if (code is null)
        {
            return null;
        }

        if (!known.TryGetValue(code, out var found))
        {
            file.Problem(column, unknown);
        }

        return found;
    }

    private int? PersonOf(CsvRowReader file) => file.Crn("crn") is { } crn ? KnownPerson(file, crn) : null;

    private int? KnownPerson(CsvRowReader file, string crn)
    {
        if (!_people.TryGetValue(crn, out var id))
        {
            file.Problem("crn", "No person with this CRN in people.csv: an import only adds people, with everything under them");
        }

        return id;
    }

    private (OrderKey? Order, (string Crn, int Ref)? Key) OrderOf(CsvRowReader file)
    {
        var crn = file.Crn("crn");
        var orderRef = file.Reference("order_ref");
        if (crn is null || orderRef is null)
        {
            return (null, null);
        }

        var key = (crn, orderRef.Value);
        if (!_orders.TryGetValue(key, out var order))
        {
            file.Problem("order_ref", "No order with this CRN and order_ref in orders.csv");
        }

        return (order, key);
    }

    /// <summary>What a requirement is checked against, kept for every order of the files without holding the entities.</summary>
    private sealed class OrderKey(OrderType type, DateOnly sentenceDate, DateOnly expectedEndDate, OrderStatus status)
    {
        public int Id { get; set; }

        public Order ToOrder() => new() { Type = type, SentenceDate = sentenceDate, ExpectedEndDate = expectedEndDate, Status = status };
    }
}
