using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenProbation.Web.Data;
using OpenProbation.Web.Features.Demo;
using OpenProbation.Web.Features.Transfer;
using OpenProbation.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OpenProbation.Web.Tests.Transfer;

/// <summary>"export/import (CSV of people and orders, round-trips without loss)", on real SQLite and PostgreSQL databases.</summary>
public abstract class CsvTransferTests(DatabaseProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly Dictionary<string, TestDatabase> _databases = [];
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_demo_region_exported_imported_into_an_empty_database_and_exported_again_gives_byte_identical_files()
    {
        using var temp = new TempFolder();
        var ct = CancellationToken.None;
        await FillWithDemoAsync("a", ct);

        var watch = Stopwatch.StartNew();
        TransferSummary exportedA;
        await using (var a = await OpenAsync("a"))
        {
            exportedA = await CsvTransfer.ExportAsync(a, temp.File("export-a"), ct);
        }

        var exportTime = watch.Elapsed;
        watch.Restart();
        TransferSummary imported;
        TransferSummary exportedB;
        await using (var b = await OpenAsync("b"))
        {
            imported = await CsvTransfer.ImportAsync(b, temp.File("export-a"), Clock, ct);
            var importTime = watch.Elapsed;
            output.WriteLine($"300-person demo: export {exportTime.TotalMilliseconds:F0} ms, import {importTime.TotalMilliseconds:F0} ms");
            exportedB = await CsvTransfer.ExportAsync(b, temp.File("export-b"), ct);
        }

        Assert.Equal(300, exportedA.RowsByFile["people.csv"]);
        Assert.All(CsvTransfer.Files, f => Assert.True(exportedA.RowsByFile[f] > 0, $"{f} is empty"));
        Assert.Equal(exportedA.RowsByFile, imported.RowsByFile);
        Assert.Equal(exportedA.RowsByFile, exportedB.RowsByFile);
        foreach (var file in CsvTransfer.Files)
        {
            var first = await File.ReadAllBytesAsync(Path.Combine(temp.File("export-a"), file), ct);
            var second = await File.ReadAllBytesAsync(Path.Combine(temp.File("export-b"), file), ct);
            Assert.True(first.AsSpan().SequenceEqual(second), $"{file} differs after the round trip");
        }

        var people = await File.ReadAllTextAsync(Path.Combine(temp.File("export-a"), "people.csv"), ct);
        Assert.StartsWith("crn,first_name,middle_names,last_name,preferred_name,date_of_birth,gender,phone,email,created_at\n", people, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', people);
    }

    [Fact]
    public async Task Rows_with_equal_keys_awkward_text_and_decimals_come_back_exactly_as_written()
    {
        // Written as the export writes: sorted by natural key, ties (same sentence date, same start date) in file order.
        using var temp = new TempFolder();
        var files = SampleFiles();
        files["staff.csv"] = """"
            staff_code,team_code,first_name,last_name,email,grade,contracted_hours,start_date,end_date,is_agency
            TST0001,TST-OM1,Ann,Officer,ann.officer@probation.example,ProbationOfficer,22.5,2020-01-06,,false
            TST0002,TST-OM1,Siân,O'Connor,,ProbationServiceOfficer,37,2019-03-04,2026-10-31,true

            """";
        files["absences.csv"] = """"
            staff_code,type,start_date,end_date,notes
            TST0001,Training,2026-12-01,2026-12-01,Second
            TST0001,AnnualLeave,2026-12-01,2026-12-05,First
            TST0002,Sickness,2026-09-01,2026-09-10,

            """";
        files["markers.csv"] = """"
            crn,type,mappa_level,mappa_category,description,start_date,end_date,added_by,added_at
            A123456,Other,,,"Says ""no"", then ""yes""",2025-06-01,,demo-court,2026-11-23T12:00:00.0000000+00:00
            A123456,Mappa,2,1,,2025-06-01,,demo-court,2026-11-23T12:00:00.0000000+00:00
            A123456,DomesticAbuse,,,,2025-06-01,2026-01-01,demo-court,2026-11-20T09:30:15.1234000+00:00

            """";
        files["orders.csv"] = """"
            crn,order_ref,type,court,offence,sentence_date,start_date,length,length_unit,expected_end_date,status,termination_date,termination_reason
            A123456,1,SuspendedSentenceOrder,Birmingham Crown Court,"Theft, ""shop"" lifting",2024-02-01,2024-02-01,12,Months,2025-01-31,Completed,2025-01-31,
            A123456,2,CommunityOrder,Birmingham Magistrates' Court,Assault,2026-01-10,2026-01-10,12,Months,2027-01-09,Active,,
            A123456,3,CommunityOrder,Walsall Magistrates' Court,Criminal damage,2026-01-10,2026-01-12,52,Weeks,2027-01-10,Terminated,2026-03-01,"Resentenced:
            see order 2"
            B234567,1,Licence,Birmingham Crown Court,Robbery,2023-06-01,2026-06-01,3,Years,2029-05-31,Breached,,

            """";
        files["requirements.csv"] = """"
            crn,order_ref,requirement_ref,type,rar_max_days,unpaid_work_hours,programme_name,length_months,description,status,start_date,end_date,termination_reason
            A123456,1,1,UnpaidWork,,120,,,,Completed,2024-02-10,2025-01-31,
            A123456,2,1,Rar,20,,,,,Active,2026-01-15,,
            A123456,2,2,Curfew,,,,3,"19:00 to 07:00
            electronically monitored",NotStarted,,,
            A123456,3,1,Rar,10,,,,,Terminated,2026-01-20,2026-03-01,Order ended

            """";
        files["assignments.csv"] = """"
            crn,order_ref,staff_code,from_date,to_date,reason,assigned_by,created_at
            A123456,1,TST0002,2024-02-01,2025-01-31,Allocated after sentence,demo-spo,2026-11-23T12:00:00.0000000+00:00
            A123456,2,TST0002,2026-01-10,2026-02-01,Allocated after sentence,demo-spo,2026-11-23T12:00:00.0000000+00:00
            A123456,2,TST0001,2026-02-01,,"Transferred, caseload balancing",demo-spo,2026-11-23T12:00:00.0000000+00:00
            B234567,1,TST0001,2026-06-01,,Allocated after sentence,demo-spo,2026-11-23T12:00:00.0000000+00:00

            """";
        files["case-restrictions.csv"] = """"
            crn,restricted,reason,changed_by,changed_at
            A123456,true,"Staff member:
            ""works in the Walsall office""",admin.two,2026-11-23T12:00:00.0000000+00:00
            B234567,false,,admin.one,2026-11-22T08:00:00.0000000+00:00

            """";
        files["case-access.csv"] = """"
            crn,kind,user_name,reason,added_by,added_at,removed_by,removed_at
            A123456,Allowed,demo-po,"Staff member, ""works here""",admin.one,2026-11-20T09:30:15.1234000+00:00,admin.two,2026-11-23T12:00:00.0000000+00:00
            A123456,Allowed,demo-po,Back on the list,admin.two,2026-11-23T12:00:00.0000000+00:00,,
            A123456,Excluded,J.Smith,Relative,admin.one,2026-11-23T12:00:00.0000000+00:00,,
            B234567,Excluded,demo-spo,Neighbour,admin.one,2026-11-23T12:00:00.0000000+00:00,,

            """";
        WriteFiles(temp.File("in"), files);

        await using (var db = await OpenAsync("b"))
        {
            await CsvTransfer.ImportAsync(db, temp.File("in"), Clock, CancellationToken.None);
            await CsvTransfer.ExportAsync(db, temp.File("out"), CancellationToken.None);
        }

        foreach (var file in CsvTransfer.Files)
        {
            Assert.Equal(
                await File.ReadAllTextAsync(Path.Combine(temp.File("in"), file)),
                await File.ReadAllTextAsync(Path.Combine(temp.File("out"), file)));
        }
    }

    [Fact]
    public async Task Import_refuses_a_crn_that_is_already_in_the_database_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var files = SampleFiles();
        WriteFiles(temp.File("first"), files);
        files["regions.csv"] = "code,name\nTST,Renamed Region\n";
        files["absences.csv"] = "staff_code,type,start_date,end_date,notes\n";
        WriteFiles(temp.File("again"), files);
        await using var db = await OpenAsync("b");
        await CsvTransfer.ImportAsync(db, temp.File("first"), Clock, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<CsvImportException>(() => CsvTransfer.ImportAsync(db, temp.File("again"), Clock, CancellationToken.None));

        Assert.Equal(
            [new CsvImportProblem("people.csv", 2, "crn", "A person with this CRN is already in the database: an import only adds people"),
             new CsvImportProblem("people.csv", 3, "crn", "A person with this CRN is already in the database: an import only adds people")],
            refused.Problems);
        Assert.Equal("Test Region", await db.Regions.Select(r => r.Name).SingleAsync());
        Assert.Equal(1, await db.Absences.CountAsync());
        Assert.Equal(2, await db.People.CountAsync());
        Assert.Equal(1, await db.Orders.CountAsync());
    }

    [Fact]
    public async Task Import_upserts_the_organisation_by_code_and_replaces_the_absences_of_the_staff_it_lists()
    {
        using var temp = new TempFolder();
        var files = SampleFiles();
        WriteFiles(temp.File("first"), files);
        var organisationOnly = SampleFiles(withCases: false);
        organisationOnly["regions.csv"] = "code,name\nTST,Renamed Region\n";
        organisationOnly["absences.csv"] = "staff_code,type,start_date,end_date,notes\nTST0001,Sickness,2026-11-20,2026-11-27,\nTST0001,Training,2026-12-10,2026-12-10,\n";
        WriteFiles(temp.File("again"), organisationOnly);
        await using var db = await OpenAsync("b");
        await CsvTransfer.ImportAsync(db, temp.File("first"), Clock, CancellationToken.None);

        await CsvTransfer.ImportAsync(db, temp.File("again"), Clock, CancellationToken.None);

        var region = await db.Regions.SingleAsync();
        Assert.Equal(("TST", "Renamed Region", 2), (region.Code, region.Name, region.Version));
        Assert.Equal(1, await db.Staff.CountAsync());
        Assert.Equal(
            [Domain.Organisation.AbsenceType.Sickness, Domain.Organisation.AbsenceType.Training],
            await db.Absences.OrderBy(a => a.StartDate).Select(a => a.Type).ToListAsync());
        Assert.Equal(2, await db.People.CountAsync());
    }

    [Fact]
    public async Task A_bad_date_an_unknown_enum_and_an_unknown_staff_code_are_reported_by_file_line_and_column_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        var files = SampleFiles();
        files["people.csv"] = files["people.csv"]
            .Replace("A123456,Sam,,Smith,,1990-05-01", "A123456,Sam,,Smith,,1990-02-30", StringComparison.Ordinal)
            .Replace("Jo,1985-11-30,Female", "Jo,1985-11-30,Robot", StringComparison.Ordinal);
        files["assignments.csv"] = files["assignments.csv"].Replace("A123456,1,TST0001", "A123456,1,NOPE1", StringComparison.Ordinal);
        WriteFiles(temp.File("in"), files);
        await using var db = await OpenAsync("b");

        var refused = await Assert.ThrowsAsync<CsvImportException>(() => CsvTransfer.ImportAsync(db, temp.File("in"), Clock, CancellationToken.None));

        Assert.Equal(
            [("people.csv", 2, "date_of_birth"), ("people.csv", 3, "gender"), ("assignments.csv", 2, "staff_code")],
            refused.Problems.Select(p => (p.File, p.Line, p.Column)));
        Assert.Contains("3 problems", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Regions.CountAsync());
        Assert.Equal(0, await db.Staff.CountAsync());
        Assert.Equal(0, await db.People.CountAsync());
    }

    [Fact]
    public async Task Case_access_rows_are_checked_and_a_restricted_case_needs_its_reason()
    {
        using var temp = new TempFolder();
        var files = SampleFiles();
        files["case-restrictions.csv"] += "A123456,true,,admin.one,\nC345678,true,High profile,admin.one,\nB234567,maybe,,admin.one,\n";
        files["case-access.csv"] += "A123456,Watcher,demo-po,Reason,admin.one,,,\nA123456,Allowed,demo-pso,Reason,admin.one,,admin.two,\nA123456,Allowed,,Reason,admin.one,,,\n";
        WriteFiles(temp.File("in"), files);
        await using var db = await OpenAsync("b");

        var refused = await Assert.ThrowsAsync<CsvImportException>(() => CsvTransfer.ImportAsync(db, temp.File("in"), Clock, CancellationToken.None));

        Assert.Equal(
            [
                ("case-restrictions.csv", 3, "reason"), ("case-restrictions.csv", 3, "crn"), ("case-restrictions.csv", 4, "crn"),
                ("case-restrictions.csv", 5, "restricted"),
                ("case-access.csv", 4, "kind"), ("case-access.csv", 5, "removed_at"), ("case-access.csv", 6, "user_name"),
            ],
            refused.Problems.Select(p => (p.File, p.Line, p.Column)));
        Assert.Equal(0, await db.People.CountAsync());
        Assert.Equal(0, await db.CaseRestrictions.CountAsync());
    }

    [Fact]
    public async Task A_missing_file_is_reported_and_nothing_is_read()
    {
        using var temp = new TempFolder();
        var files = SampleFiles();
        files.Remove("markers.csv");
        WriteFiles(temp.File("in"), files);
        await using var db = await OpenAsync("b");

        var refused = await Assert.ThrowsAsync<CsvImportException>(() => CsvTransfer.ImportAsync(db, temp.File("in"), Clock, CancellationToken.None));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(("markers.csv", 0, (string?)null), (problem.File, problem.Line, problem.Column));
        Assert.Equal(0, await db.Regions.CountAsync());
    }

    [Fact]
    public async Task A_header_that_lacks_a_required_column_or_has_an_unknown_one_is_reported_on_line_1()
    {
        using var temp = new TempFolder();
        var files = SampleFiles();
        files["teams.csv"] = "code,name,colour\nTST-OM1,Team One,red\n";
        WriteFiles(temp.File("in"), files);
        await using var db = await OpenAsync("b");

        var refused = await Assert.ThrowsAsync<CsvImportException>(() => CsvTransfer.ImportAsync(db, temp.File("in"), Clock, CancellationToken.None));

        Assert.Equal(
            [("teams.csv", 1, "colour"), ("teams.csv", 1, "delivery_unit_code")],
            refused.Problems.Select(p => (p.File, p.Line, p.Column)));
    }

    [Fact]
    public async Task A_row_with_the_wrong_number_of_fields_is_reported_on_its_line_counting_lines_inside_quotes()
    {
        using var temp = new TempFolder();
        var files = SampleFiles();
        files["addresses.csv"] += "A123456,Home,Flat 2,\"Rear entrance,\nby the shop\",Birmingham,,B1 1AA,2019-01-01,2019-12-31\n"
            + "A123456,Home,3 Low Road,Birmingham,B2 2BB,2018-01-01\n";
        WriteFiles(temp.File("in"), files);
        await using var db = await OpenAsync("b");

        var refused = await Assert.ThrowsAsync<CsvImportException>(() => CsvTransfer.ImportAsync(db, temp.File("in"), Clock, CancellationToken.None));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal(("addresses.csv", 5, (string?)null), (problem.File, problem.Line, problem.Column));
        Assert.Equal(0, await db.People.CountAsync());
    }

    /// <summary>A small valid set of files: one region, unit, team and officer; two people, one with an order.</summary>
    private static Dictionary<string, string> SampleFiles(bool withCases = true)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["regions.csv"] = "code,name\nTST,Test Region\n",
            ["delivery-units.csv"] = "code,region_code,name\nTST-U1,TST,Test Unit\n",
            ["teams.csv"] = "code,delivery_unit_code,name\nTST-OM1,TST-U1,Team One\n",
            ["staff.csv"] = "staff_code,team_code,first_name,last_name,email,grade,contracted_hours,start_date,end_date,is_agency\n"
                + "TST0001,TST-OM1,Ann,Officer,ann.officer@probation.example,ProbationOfficer,37,2020-01-06,,false\n",
            ["absences.csv"] = "staff_code,type,start_date,end_date,notes\nTST0001,AnnualLeave,2026-12-01,2026-12-05,\n",
            ["people.csv"] = "crn,first_name,middle_names,last_name,preferred_name,date_of_birth,gender,phone,email,created_at\n",
            ["addresses.csv"] = "crn,type,line1,line2,town,county,postcode,start_date,end_date\n",
            ["markers.csv"] = "crn,type,mappa_level,mappa_category,description,start_date,end_date,added_by,added_at\n",
            ["orders.csv"] = "crn,order_ref,type,court,offence,sentence_date,start_date,length,length_unit,expected_end_date,status,termination_date,termination_reason\n",
            ["requirements.csv"] = "crn,order_ref,requirement_ref,type,rar_max_days,unpaid_work_hours,programme_name,length_months,description,status,start_date,end_date,termination_reason\n",
            ["assignments.csv"] = "crn,order_ref,staff_code,from_date,to_date,reason,assigned_by,created_at\n",
            ["case-restrictions.csv"] = "crn,restricted,reason,changed_by,changed_at\n",
            ["case-access.csv"] = "crn,kind,user_name,reason,added_by,added_at,removed_by,removed_at\n",
        };
        if (withCases)
        {
            files["people.csv"] += "A123456,Sam,,Smith,,1990-05-01,Male,07700 900123,,2026-11-23T12:00:00.0000000+00:00\n"
                + "B234567,Joanne,Zoë,Jones,Jo,1985-11-30,Female,,,2026-11-23T12:00:00.0000000+00:00\n";
            files["addresses.csv"] += "A123456,Home,12 High Street,,Birmingham,,B1 1AA,2020-01-01,\n";
            files["orders.csv"] += "A123456,1,CommunityOrder,Birmingham Magistrates' Court,Theft,2026-01-10,2026-01-10,12,Months,2027-01-09,Active,,\n";
            files["requirements.csv"] += "A123456,1,1,Rar,20,,,,,Active,2026-01-15,,\n";
            files["assignments.csv"] += "A123456,1,TST0001,2026-01-10,,Allocated after sentence,demo-spo,2026-11-23T12:00:00.0000000+00:00\n";
            files["case-restrictions.csv"] += "A123456,true,Staff member,admin.one,2026-11-23T12:00:00.0000000+00:00\n";
            files["case-access.csv"] += "A123456,Allowed,demo-po,Staff member,admin.one,2026-11-23T12:00:00.0000000+00:00,,\n"
                + "B234567,Excluded,demo-spo,Neighbour,admin.one,2026-11-23T12:00:00.0000000+00:00,,\n";
        }

        return files;
    }

    private static void WriteFiles(string directory, Dictionary<string, string> files)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(directory, name), text.ReplaceLineEndings("\n"));
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases.Values)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<TestDatabase> DatabaseAsync(string name)
    {
        if (!_databases.TryGetValue(name, out var database))
        {
            database = await TestDatabase.CreateAsync(provider);
            _databases[name] = database;
        }

        return database;
    }

    private async Task FillWithDemoAsync(string name, CancellationToken ct)
    {
        var database = await DatabaseAsync(name);
        var config = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config).AddCoreServices().BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await DatabaseSetup.MigrateAsync(scope.ServiceProvider.GetRequiredService<OpenProbationDbContext>(), ct);
        await DemoGenerator.GenerateAsync(scope.ServiceProvider, new DemoOptions(People: 300, Seed: 7, Scenario: "small"), Clock, null, ct);
    }

    private async Task<OpenProbationDbContext> OpenAsync(string name)
    {
        var database = await DatabaseAsync(name);
        OpenProbationDbContext db = provider == DatabaseProvider.Postgres
            ? new PostgresOpenProbationDbContext(new DbContextOptionsBuilder<PostgresOpenProbationDbContext>().UseNpgsql(database.ConnectionString).Options)
            : new SqliteOpenProbationDbContext(new DbContextOptionsBuilder<SqliteOpenProbationDbContext>().UseSqlite(database.ConnectionString).Options);
        await DatabaseSetup.MigrateAsync(db);
        return db;
    }

    /// <summary>A folder of its own for each test's databases and files, deleted afterwards.</summary>
    private sealed class TempFolder : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("openprobation-csv-").FullName;

        public string File(string name) => Path.Combine(_path, name);

        public void Dispose()
        {
            // Pooled connections keep the database files open.
            SqliteConnection.ClearAllPools();
            Directory.Delete(_path, recursive: true);
        }
    }
}

public sealed class CsvTransferTests_Sqlite(ITestOutputHelper output) : CsvTransferTests(DatabaseProvider.Sqlite, output);

public sealed class CsvTransferTests_Postgres(ITestOutputHelper output) : CsvTransferTests(DatabaseProvider.Postgres, output);
