using System.Data;
using System.Globalization;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenProbation.Web.Data;

namespace OpenProbation.Web.Features.Transfer;

/// <summary>How many data rows (header not counted) each file held.</summary>
public sealed record TransferSummary(IReadOnlyDictionary<string, int> RowsByFile);

/// <summary>
/// The engine behind <c>openprobation export</c> and <c>openprobation import</c>: the organisation, staff and every
/// case record as one CSV file per table, keyed by natural keys (codes, CRNs, per-person order numbers) rather
/// than database ids, so a file set moves between databases. Exporting, importing into an empty database and
/// exporting again gives byte-identical files. The columns of each file are in docs/import-export.md.
/// </summary>
public static class CsvTransfer
{
    internal static readonly CsvFileSpec RegionsFile = new("regions.csv", "code name");
    internal static readonly CsvFileSpec DeliveryUnitsFile = new("delivery-units.csv", "code region_code name");
    internal static readonly CsvFileSpec TeamsFile = new("teams.csv", "code delivery_unit_code name");
    internal static readonly CsvFileSpec StaffFile = new(
        "staff.csv", "staff_code team_code first_name last_name email? grade contracted_hours start_date end_date? is_agency?");
    internal static readonly CsvFileSpec AbsencesFile = new("absences.csv", "staff_code type start_date end_date notes?");
    internal static readonly CsvFileSpec PeopleFile = new(
        "people.csv", "crn first_name middle_names? last_name preferred_name? date_of_birth gender phone? email? created_at?");
    internal static readonly CsvFileSpec AddressesFile = new(
        "addresses.csv", "crn type line1 line2? town county? postcode? start_date end_date?");
    internal static readonly CsvFileSpec MarkersFile = new(
        "markers.csv", "crn type mappa_level? mappa_category? description? start_date end_date? added_by added_at?");
    internal static readonly CsvFileSpec OrdersFile = new(
        "orders.csv",
        "crn order_ref type court offence sentence_date start_date? length length_unit expected_end_date? status? termination_date? termination_reason?");
    internal static readonly CsvFileSpec RequirementsFile = new(
        "requirements.csv",
        "crn order_ref requirement_ref type rar_max_days? unpaid_work_hours? programme_name? length_months? description? status? start_date? end_date? termination_reason?");
    internal static readonly CsvFileSpec AssignmentsFile = new(
        "assignments.csv", "crn order_ref staff_code from_date to_date? reason assigned_by created_at?");
    internal static readonly CsvFileSpec CaseRestrictionsFile = new(
        "case-restrictions.csv", "crn restricted reason? changed_by changed_at?");
    internal static readonly CsvFileSpec CaseAccessFile = new(
        "case-access.csv", "crn kind user_name reason added_by added_at? removed_by? removed_at?");

    internal static readonly IReadOnlyList<CsvFileSpec> Specs =
    [
        RegionsFile, DeliveryUnitsFile, TeamsFile, StaffFile, AbsencesFile,
        PeopleFile, AddressesFile, MarkersFile, OrdersFile, RequirementsFile, AssignmentsFile,
        CaseRestrictionsFile, CaseAccessFile,
    ];

    /// <summary>The file names, in dependency order: a file refers only to files before it.</summary>
    public static readonly IReadOnlyList<string> Files = [.. Specs.Select(s => s.Name)];

    /// <summary>
    /// Writes every file into <paramref name="directory"/> (created if missing, files overwritten). Reads one
    /// consistent snapshot and streams each table in natural-key order, so memory stays flat for a national data set.
    /// </summary>
    public static async Task<TransferSummary> ExportAsync(OpenProbationDbContext db, string directory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);

        // Organisation tables are small: sorted in memory by ordinal code, so the order is the same on every database collation.
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        await using (var file = CsvOut.Create(directory, RegionsFile))
        {
            foreach (var r in regions.OrderBy(r => r.Code, StringComparer.Ordinal))
            {
                file.Text(r.Code).Text(r.Name);
                await file.EndRowAsync(ct);
            }

            rows[RegionsFile.Name] = file.Rows;
        }

        var units = await db.DeliveryUnits.AsNoTracking().Select(u => new { u.Code, RegionCode = u.Region!.Code, u.Name }).ToListAsync(ct);
        await using (var file = CsvOut.Create(directory, DeliveryUnitsFile))
        {
            foreach (var u in units.OrderBy(u => u.Code, StringComparer.Ordinal))
            {
                file.Text(u.Code).Text(u.RegionCode).Text(u.Name);
                await file.EndRowAsync(ct);
            }

            rows[DeliveryUnitsFile.Name] = file.Rows;
        }

        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Code, UnitCode = t.DeliveryUnit!.Code, t.Name }).ToListAsync(ct);
        await using (var file = CsvOut.Create(directory, TeamsFile))
        {
            foreach (var t in teams.OrderBy(t => t.Code, StringComparer.Ordinal))
            {
                file.Text(t.Code).Text(t.UnitCode).Text(t.Name);
                await file.EndRowAsync(ct);
            }

            rows[TeamsFile.Name] = file.Rows;
        }

        var staff = await db.Staff.AsNoTracking().Select(s => new { Staff = s, TeamCode = s.Team!.Code }).ToListAsync(ct);
        var staffCodes = staff.ToDictionary(s => s.Staff.Id, s => s.Staff.StaffCode);
        await using (var file = CsvOut.Create(directory, StaffFile))
        {
            foreach (var (s, teamCode) in staff.Select(x => (x.Staff, x.TeamCode)).OrderBy(x => x.Staff.StaffCode, StringComparer.Ordinal))
            {
                file.Text(s.StaffCode).Text(teamCode).Text(s.FirstName).Text(s.LastName).Text(s.Email).Enum(s.Grade)
                    .Decimal(s.ContractedHours).Date(s.StartDate).Date(s.EndDate).Bool(s.IsAgency);
                await file.EndRowAsync(ct);
            }

            rows[StaffFile.Name] = file.Rows;
        }

        var absences = await db.Absences.AsNoTracking().ToListAsync(ct);
        await using (var file = CsvOut.Create(directory, AbsencesFile))
        {
            foreach (var a in absences.OrderBy(a => staffCodes[a.StaffMemberId], StringComparer.Ordinal).ThenBy(a => a.StartDate).ThenBy(a => a.Id))
            {
                file.Text(staffCodes[a.StaffMemberId]).Enum(a.Type).Date(a.StartDate).Date(a.EndDate).Text(a.Notes);
                await file.EndRowAsync(ct);
            }

            rows[AbsencesFile.Name] = file.Rows;
        }

        // Case tables are streamed. CRNs are a capital letter and six digits, so every collation sorts them alike.
        await using (var file = CsvOut.Create(directory, PeopleFile))
        {
            await foreach (var p in db.People.AsNoTracking().OrderBy(p => p.Crn).AsAsyncEnumerable().WithCancellation(ct))
            {
                file.Text(p.Crn).Text(p.FirstName).Text(p.MiddleNames).Text(p.LastName).Text(p.PreferredName).Date(p.DateOfBirth)
                    .Enum(p.Gender).Text(p.Phone).Text(p.Email).Timestamp(p.CreatedAt);
                await file.EndRowAsync(ct);
            }

            rows[PeopleFile.Name] = file.Rows;
        }

        await using (var file = CsvOut.Create(directory, AddressesFile))
        {
            var query = db.Addresses.AsNoTracking()
                .OrderBy(a => a.Person!.Crn).ThenBy(a => a.StartDate).ThenBy(a => a.Id)
                .Select(a => new { a.Person!.Crn, Address = a });
            await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                var (crn, a) = (row.Crn, row.Address);
                file.Text(crn).Enum(a.Type).Text(a.Line1).Text(a.Line2).Text(a.Town).Text(a.County).Text(a.Postcode)
                    .Date(a.StartDate).Date(a.EndDate);
                await file.EndRowAsync(ct);
            }

            rows[AddressesFile.Name] = file.Rows;
        }

        await using (var file = CsvOut.Create(directory, MarkersFile))
        {
            var query = db.Markers.AsNoTracking()
                .OrderBy(m => m.Person!.Crn).ThenBy(m => m.StartDate).ThenBy(m => m.Id)
                .Select(m => new { m.Person!.Crn, Marker = m });
            await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                var (crn, m) = (row.Crn, row.Marker);
                file.Text(crn).Enum(m.Type).Int(m.MappaLevel).Int(m.MappaCategory).Text(m.Description).Date(m.StartDate).Date(m.EndDate)
                    .Text(m.AddedBy).Timestamp(m.AddedAt);
                await file.EndRowAsync(ct);
            }

            rows[MarkersFile.Name] = file.Rows;
        }

        // order_ref numbers a person's orders by sentence date then id; requirements and assignments refer to it.
        var orderRefs = new Dictionary<int, (string Crn, int Ref)>();
        await using (var file = CsvOut.Create(directory, OrdersFile))
        {
            var query = db.Orders.AsNoTracking()
                .OrderBy(o => o.Person!.Crn).ThenBy(o => o.SentenceDate).ThenBy(o => o.Id)
                .Select(o => new { o.Person!.Crn, Order = o });
            string? previous = null;
            var number = 0;
            await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                var (crn, o) = (row.Crn, row.Order);
                number = crn == previous ? number + 1 : 1;
                previous = crn;
                orderRefs[o.Id] = (crn, number);
                file.Text(crn).Int(number).Enum(o.Type).Text(o.Court).Text(o.Offence).Date(o.SentenceDate).Date(o.StartDate).Int(o.Length)
                    .Enum(o.LengthUnit).Date(o.ExpectedEndDate).Enum(o.Status).Date(o.TerminationDate).Text(o.TerminationReason);
                await file.EndRowAsync(ct);
            }

            rows[OrdersFile.Name] = file.Rows;
        }

        await using (var file = CsvOut.Create(directory, RequirementsFile))
        {
            var query = db.Requirements.AsNoTracking()
                .OrderBy(r => r.Order!.Person!.Crn).ThenBy(r => r.Order!.SentenceDate).ThenBy(r => r.OrderId).ThenBy(r => r.Id);
            var previousOrder = 0;
            var number = 0;
            await foreach (var r in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                number = r.OrderId == previousOrder ? number + 1 : 1;
                previousOrder = r.OrderId;
                var (crn, orderRef) = orderRefs[r.OrderId];
                file.Text(crn).Int(orderRef).Int(number).Enum(r.Type).Int(r.RarMaxDays).Int(r.UnpaidWorkHours).Text(r.ProgrammeName)
                    .Int(r.LengthMonths).Text(r.Description).Enum(r.Status).Date(r.StartDate).Date(r.EndDate).Text(r.TerminationReason);
                await file.EndRowAsync(ct);
            }

            rows[RequirementsFile.Name] = file.Rows;
        }

        await using (var file = CsvOut.Create(directory, AssignmentsFile))
        {
            var query = db.Assignments.AsNoTracking()
                .OrderBy(a => a.Order!.Person!.Crn).ThenBy(a => a.Order!.SentenceDate).ThenBy(a => a.OrderId)
                .ThenBy(a => a.FromDate).ThenBy(a => a.Id);
            await foreach (var a in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                var (crn, orderRef) = orderRefs[a.OrderId];
                file.Text(crn).Int(orderRef).Text(staffCodes[a.StaffMemberId]).Date(a.FromDate).Date(a.ToDate).Text(a.Reason)
                    .Text(a.AssignedBy).Timestamp(a.CreatedAt);
                await file.EndRowAsync(ct);
            }

            rows[AssignmentsFile.Name] = file.Rows;
        }

        // Restricted cases are exported like any other: this is the whole database, for an administrator on the
        // server, and a backup that dropped them, or their lists, would lose them or open them up on import.
        await using (var file = CsvOut.Create(directory, CaseRestrictionsFile))
        {
            var query = db.CaseRestrictions.AsNoTracking().OrderBy(r => r.Person!.Crn).Select(r => new { r.Person!.Crn, Restriction = r });
            await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                var r = row.Restriction;
                file.Text(row.Crn).Bool(r.IsRestricted).Text(r.Reason).Text(r.ChangedBy).Timestamp(r.ChangedAt);
                await file.EndRowAsync(ct);
            }

            rows[CaseRestrictionsFile.Name] = file.Rows;
        }

        await using (var file = CsvOut.Create(directory, CaseAccessFile))
        {
            var query = db.CaseAccessEntries.AsNoTracking().OrderBy(e => e.Person!.Crn).ThenBy(e => e.Id).Select(e => new { e.Person!.Crn, Entry = e });
            await foreach (var row in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                var e = row.Entry;
                file.Text(row.Crn).Enum(e.Kind).Text(e.UserName).Text(e.Reason).Text(e.AddedBy).Timestamp(e.AddedAt)
                    .Text(e.RemovedBy).Timestamp(e.RemovedAt);
                await file.EndRowAsync(ct);
            }

            rows[CaseAccessFile.Name] = file.Rows;
        }

        return new TransferSummary(rows);
    }

    /// <summary>
    /// Reads the files in <paramref name="directory"/> and adds them to the database in one transaction: organisation
    /// rows are upserted by code, the absences of each member of staff in staff.csv are replaced by the file's, and
    /// people (who must be new) are added with everything under them. Any problem, in any file, means nothing is
    /// written and a <see cref="CsvImportException"/> lists the problems. Rules that compare with today are not
    /// applied (a completed order stays valid); <paramref name="clock"/> fills timestamps a file leaves empty.
    /// </summary>
    public static async Task<TransferSummary> ImportAsync(OpenProbationDbContext db, string directory, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(clock);
        return await new CsvImporter(db, clock.Today(), clock.GetUtcNow()).RunAsync(directory, ct);
    }

    /// <summary>
    /// A read transaction so that the queries of an export see one state of the database. On SQLite it is
    /// deferred: a plain read lock, so the service can keep saving while an export runs.
    /// </summary>
    private sealed class ReadSnapshot : IAsyncDisposable
    {
        private readonly OpenProbationDbContext _db;
        private readonly SqliteTransaction? _sqlite;
        private readonly IDbContextTransaction? _transaction;

        private ReadSnapshot(OpenProbationDbContext db, SqliteTransaction? sqlite, IDbContextTransaction? transaction)
        {
            _db = db;
            _sqlite = sqlite;
            _transaction = transaction;
        }

        public static async Task<ReadSnapshot> BeginAsync(OpenProbationDbContext db, CancellationToken ct)
        {
            if (!db.Database.IsSqlite())
            {
                return new ReadSnapshot(db, null, await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct));
            }

            await db.Database.OpenConnectionAsync(ct);
            var sqlite = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(IsolationLevel.Serializable, deferred: true);
            return new ReadSnapshot(db, sqlite, await db.Database.UseTransactionAsync(sqlite, ct));
        }

        public async ValueTask DisposeAsync()
        {
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }

            if (_sqlite is not null)
            {
                await _db.Database.UseTransactionAsync(null);
                await _sqlite.DisposeAsync();
                await _db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>One CSV file being written: UTF-8 without a byte order mark, LF line endings, invariant formats.</summary>
    private sealed class CsvOut : IAsyncDisposable
    {
        private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
        {
            NewLine = "\n",
            FormatProvider = CultureInfo.InvariantCulture,
            WriteByteOrderMark = false,
        };

        private readonly CsvWriter _writer;

        private CsvOut(CsvWriter writer) => _writer = writer;

        public int Rows { get; private set; }

        public static CsvOut Create(string directory, CsvFileSpec spec)
        {
            var writer = CsvWriter.ToFile(Path.Combine(directory, spec.Name), Options);
            writer.WriteHeader([.. spec.Columns.Select(c => c.Name)]);
            return new CsvOut(writer);
        }

        public CsvOut Text(string? value)
        {
            _writer.WriteField(value);
            return this;
        }

        public CsvOut Int(int? value) => Text(value?.ToString(CultureInfo.InvariantCulture));

        public CsvOut Date(DateOnly? value) => Text(value is { } d ? CsvFormats.Date(d) : null);

        public CsvOut Timestamp(DateTimeOffset? value) => Text(value is { } t ? CsvFormats.Timestamp(t) : null);

        public CsvOut Decimal(decimal value) => Text(CsvFormats.Decimal(value));

        public CsvOut Bool(bool value) => Text(value ? "true" : "false");

        public CsvOut Enum<T>(T value)
            where T : struct, Enum => Text(value.ToString());

        public async ValueTask EndRowAsync(CancellationToken ct)
        {
            await _writer.EndRecordAsync(ct);
            Rows++;
        }

        public ValueTask DisposeAsync() => _writer.DisposeAsync();
    }
}

/// <summary>The text forms shared by export and import.</summary>
internal static class CsvFormats
{
    public const string DateFormat = "yyyy-MM-dd";

    public static string Date(DateOnly value) => value.ToString(DateFormat, CultureInfo.InvariantCulture);

    // Always UTC, so the same instant is the same text whichever offset the database handed back.
    public static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    // No trailing zeros: PostgreSQL's numeric(5,2) gives 37.00 and SQLite's real gives 37; both are written 37.
    public static string Decimal(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}

/// <summary>A file's name and columns. A column written with a trailing <c>?</c> in the list may be left empty or left out.</summary>
internal sealed class CsvFileSpec
{
    public CsvFileSpec(string name, string columns)
    {
        Name = name;
        Columns = [.. columns.Split(' ').Select(c => c.EndsWith('?') ? new CsvColumn(c[..^1], false) : new CsvColumn(c, true))];
    }

    public string Name { get; }

    public IReadOnlyList<CsvColumn> Columns { get; }
}

/// <summary>A column of a file; a required one must be in the header and have a value in every row.</summary>
internal readonly record struct CsvColumn(string Name, bool Required);

/// <summary>Something wrong with an import file. <paramref name="Line"/> is 1 for the header and 0 for the file as a whole.</summary>
public sealed record CsvImportProblem(string File, int Line, string? Column, string Message)
{
    public override string ToString() =>
        Line == 0 ? $"{File}: {Message}"
        : Column is null ? $"{File} line {Line}: {Message}"
        : $"{File} line {Line}, {Column}: {Message}";
}

/// <summary>An import was refused; nothing was written. <see cref="Problems"/> lists up to the first 1,000 problems.</summary>
public sealed class CsvImportException : Exception
{
    public CsvImportException()
        : this([])
    {
    }

    public CsvImportException(string message)
        : base(message) => Problems = [];

    public CsvImportException(string message, Exception innerException)
        : base(message, innerException) => Problems = [];

    public CsvImportException(IReadOnlyList<CsvImportProblem> problems)
        : this(problems, problems?.Count ?? 0)
    {
    }

    internal CsvImportException(IReadOnlyList<CsvImportProblem> problems, int total)
        : base(Describe(problems, total)) => Problems = problems;

    public IReadOnlyList<CsvImportProblem> Problems { get; }

    private static string Describe(IReadOnlyList<CsvImportProblem> problems, int total)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var shown = problems.Count < total ? $" (the first {problems.Count} are listed)" : "";
        return $"The import was refused and nothing was written: {total} problem{(total == 1 ? "" : "s")} found{shown}.";
    }
}
