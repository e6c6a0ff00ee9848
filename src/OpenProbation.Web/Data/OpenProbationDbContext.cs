using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using OpenProbation.Domain.Allocation;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Contacts;
using OpenProbation.Domain.Enforcement;
using OpenProbation.Domain.Letters;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.People;
using OpenProbation.Domain.Risk;
using OpenProbation.Domain.SentencePlans;
using OpenProbation.Domain.Tiering;
using OpenProbation.Domain.Workload;
using OpenProbation.Web.Features.Audit;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Data;

/// <summary>
/// The one store of OpenProbation. The provider-specific subclasses exist only so each provider keeps its own
/// migrations (SQLite and PostgreSQL differ in types and SQL); the model is defined once, here.
/// Every save writes the audit events of its changes in the same transaction (<see cref="AuditTrail"/>).
/// </summary>
/// <param name="options">The provider and connection.</param>
/// <param name="actor">Who acts in this scope; "system" when absent (as for <c>dotnet ef</c>'s design-time factories).</param>
/// <param name="clock">The time of audit events; the system clock when absent.</param>
public class OpenProbationDbContext(DbContextOptions options, AuditActor? actor = null, TimeProvider? clock = null)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    private readonly List<AuditEvent> _explicitEvents = [];
    private int _rowAuditSuspended;

    public DbSet<Region> Regions => Set<Region>();

    public DbSet<DeliveryUnit> DeliveryUnits => Set<DeliveryUnit>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<StaffMember> Staff => Set<StaffMember>();

    public DbSet<StaffAbsence> Absences => Set<StaffAbsence>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Address> Addresses => Set<Address>();

    public DbSet<Marker> Markers => Set<Marker>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Requirement> Requirements => Set<Requirement>();

    public DbSet<Assignment> Assignments => Set<Assignment>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();

    public DbSet<NamedAssessment> NamedAssessments => Set<NamedAssessment>();

    /// <summary>Every tier calculated for each person, current, pending and past (<see cref="Features.Tiering.CaseTiers"/>).</summary>
    public DbSet<CaseTier> CaseTiers => Set<CaseTier>();

    /// <summary>Daily jobs and the last day each ran (<see cref="ScheduledRun"/>).</summary>
    public DbSet<ScheduledRun> ScheduledRuns => Set<ScheduledRun>();

    /// <summary>Places where appointments are held: probation offices, payback sites, partners' premises.</summary>
    public DbSet<Location> Locations => Set<Location>();

    /// <summary>The rooms at each location that appointments and group sessions book.</summary>
    public DbSet<Room> Rooms => Set<Room>();

    /// <summary>Group sessions, inductions and programme sessions; each attendee has an appointment pointing at one.</summary>
    public DbSet<GroupSession> GroupSessions => Set<GroupSession>();

    /// <summary>The staff running each group session, lead first (<see cref="GroupSessionFacilitator.Position"/>).</summary>
    public DbSet<GroupSessionFacilitator> GroupSessionFacilitators => Set<GroupSessionFacilitator>();

    /// <summary>Every appointment arranged with a person and its outcome; none is deleted (<see cref="Appointment"/>).</summary>
    public DbSet<Appointment> Appointments => Set<Appointment>();

    /// <summary>Failures to comply and the responsible officer's decision on each: one per appointment (<see cref="FailureToComply"/>).</summary>
    public DbSet<FailureToComply> FailuresToComply => Set<FailureToComply>();

    /// <summary>Records, with reasons, that no suitable activity exists for a need on a RAR.</summary>
    public DbSet<OpenProbation.Domain.Rar.NoSuitableActivity> NoSuitableActivities => Set<OpenProbation.Domain.Rar.NoSuitableActivity>();

    /// <summary>Letters (appointment, warning, breach): one per event, kept as written with when and how each was sent.</summary>
    public DbSet<Letter> Letters => Set<Letter>();

    /// <summary>Sentence plans, one row per version: objectives and actions are kept with each version as one document.</summary>
    public DbSet<SentencePlan> SentencePlans => Set<SentencePlan>();

    /// <summary>Reductions of officers' available time (trainee, newly qualified, facility time, sickness…).</summary>
    public DbSet<Reduction> Reductions => Set<Reduction>();

    /// <summary>Each officer's workload figures as recorded each day, for the trend.</summary>
    public DbSet<Features.Workload.WorkloadSnapshot> WorkloadSnapshots => Set<Features.Workload.WorkloadSnapshot>();

    /// <summary>Officers' challenges to their workload figures, and their managers' answers.</summary>
    public DbSet<WorkloadChallenge> WorkloadChallenges => Set<WorkloadChallenge>();

    /// <summary>Unallocated orders moved between teams' allocation queues.</summary>
    public DbSet<CaseTransfer> CaseTransfers => Set<CaseTransfer>();

    /// <summary>Reports officers have been asked to write, counted on their workload until completed.</summary>
    public DbSet<ReportRequest> ReportRequests => Set<ReportRequest>();

    /// <summary>
    /// The keys that protect session and anti-forgery cookies, shared by every web node so a user signed in on one
    /// is signed in on all; see docs/security.md.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CaseRestriction> CaseRestrictions => Set<CaseRestriction>();

    public DbSet<CaseAccessEntry> CaseAccessEntries => Set<CaseAccessEntry>();

    /// <summary>The audit trail: read it, never write it directly (inserts go through the chain; the database refuses updates and deletes).</summary>
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    /// <summary>Audit events recorded (views, exports, bulk summaries) and not yet saved.</summary>
    internal IReadOnlyList<AuditEvent> PendingAuditEvents => _explicitEvents;

    internal void AddAuditEvent(AuditEvent auditEvent) => _explicitEvents.Add(auditEvent);

    /// <summary>
    /// Stops per-row audit capture until disposed, for one bulk load that records a single summary event instead
    /// (<see cref="AuditTrail.RecordBulkLoad"/>). Explicitly recorded events are still written.
    /// </summary>
    internal IDisposable SuspendRowAudit()
    {
        _rowAuditSuspended++;
        return new RowAuditResumption(this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        var pending = _rowAuditSuspended > 0 ? [] : AuditCapture.Collect(this);
        if (pending.Count == 0 && _explicitEvents.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var owned = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        LockChain();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess: false);
        var (who, now) = (Who(), Now());
        var events = AuditCapture.Complete(this, pending, who, now);
        AppendChain(Stamp(events, who, now));
        owned?.Commit();
        _explicitEvents.Clear();
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return saved;
    }

    /// <summary>
    /// Saves the changes and their audit events in one transaction (the caller's, or one opened here): takes the
    /// chain's lock first, saves the rows (so added rows have their ids), then appends their events to the chain.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        var pending = _rowAuditSuspended > 0 ? [] : AuditCapture.Collect(this);
        if (pending.Count == 0 && _explicitEvents.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var owned = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await LockChainAsync(cancellationToken);

        // Accepted only once the events are written too, so a failure leaves the tracker as it was.
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        var (who, now) = (Who(), Now());
        var events = await AuditCapture.CompleteAsync(this, pending, who, now, cancellationToken);
        await AppendChainAsync(Stamp(events, who, now), cancellationToken);
        if (owned is not null)
        {
            await owned.CommitAsync(cancellationToken);
        }

        _explicitEvents.Clear();
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return saved;
    }

    private AuditIdentity Who() => actor?.Current() ?? AuditIdentity.System;

    private DateTimeOffset Now() => AuditChain.Normalise((clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>The captured row events, then the explicit ones, stamped with who and when.</summary>
    private List<AuditEvent> Stamp(List<AuditEvent> events, AuditIdentity who, DateTimeOffset now)
    {
        foreach (var e in _explicitEvents)
        {
            e.OccurredAt = now;
            e.Actor = who.Actor;
            e.Channel = who.Channel;
            e.Source = who.Source;
            events.Add(e);
        }

        return events;
    }

    // Updating the head row first takes SQLite's write lock and PostgreSQL's row lock, so chain writers queue here.
    private IQueryable<AuditChainHead> Head => AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId);

    private void LockChain()
    {
        if (Head.ExecuteUpdate(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence)) != 1)
        {
            throw MissingHead();
        }
    }

    private async Task LockChainAsync(CancellationToken ct)
    {
        if (await Head.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), ct) != 1)
        {
            throw MissingHead();
        }
    }

    private static InvalidOperationException MissingHead() =>
        new("The audit chain head row is missing: run 'openprobation migrate' (and 'openprobation audit verify').");

    private void AppendChain(List<AuditEvent> events)
    {
        var head = Head.AsNoTracking().Single();
        Link(events, head);
        foreach (var command in AuditInserts(events))
        {
            using (command)
            {
                command.ExecuteNonQuery();
            }
        }

        var (sequence, hash) = (events[^1].Sequence, events[^1].Hash);
        Head.ExecuteUpdate(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, hash));
    }

    private async Task AppendChainAsync(List<AuditEvent> events, CancellationToken ct)
    {
        var head = await Head.AsNoTracking().SingleAsync(ct);
        Link(events, head);
        foreach (var command in AuditInserts(events))
        {
            await using (command)
            {
                await command.ExecuteNonQueryAsync(ct);
            }
        }

        var (sequence, hash) = (events[^1].Sequence, events[^1].Hash);
        await Head.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, hash), ct);
    }

    private static void Link(List<AuditEvent> events, AuditChainHead head)
    {
        var (sequence, previous) = (head.LastSequence, head.LastHash);
        foreach (var e in events)
        {
            e.Sequence = ++sequence;
            e.PreviousHash = previous;
            e.Hash = AuditChain.ComputeHash(e);
            previous = e.Hash;
        }
    }

    /// <summary>
    /// INSERT commands for the events, in batches, built from the model (column names, value conversions) so they
    /// suit both providers. Written as commands, not tracked entities, so the caller's change tracker is untouched.
    /// </summary>
    private IEnumerable<System.Data.Common.DbCommand> AuditInserts(List<AuditEvent> events)
    {
        const int Batch = 100;
        var entity = Model.FindEntityType(typeof(AuditEvent))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.Name != nameof(AuditEvent.Id)).ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""));
        var connection = Database.GetDbConnection();
        for (var start = 0; start < events.Count; start += Batch)
        {
            var command = connection.CreateCommand();
            command.Transaction = Database.CurrentTransaction!.GetDbTransaction();
            command.CommandTimeout = Database.GetCommandTimeout() ?? 30;
            var rows = new List<string>();
            foreach (var e in events.Skip(start).Take(Batch))
            {
                var placeholders = new List<string>();
                foreach (var column in columns)
                {
                    var value = column.PropertyInfo!.GetValue(e);
                    var converter = column.GetTypeMapping().Converter;
                    value = value is null ? null : converter is null ? value : converter.ConvertToProvider(value);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"@a{command.Parameters.Count}";
                    parameter.DbType = DbTypeOf(Nullable.GetUnderlyingType(converter?.ProviderClrType ?? column.ClrType) ?? converter?.ProviderClrType ?? column.ClrType);
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                    placeholders.Add(parameter.ParameterName);
                }

                rows.Add("(" + string.Join(", ", placeholders) + ")");
            }

#pragma warning disable CA2100 // Column names come from the model and every value is a parameter.
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({names}) VALUES {string.Join(", ", rows)}";
#pragma warning restore CA2100
            yield return command;
        }
    }

    private static System.Data.DbType DbTypeOf(Type type) =>
        type == typeof(long) ? System.Data.DbType.Int64
        : type == typeof(int) ? System.Data.DbType.Int32
        : type == typeof(DateTimeOffset) ? System.Data.DbType.DateTimeOffset
        : System.Data.DbType.String;

    private sealed class RowAuditResumption(OpenProbationDbContext db) : IDisposable
    {
        private bool _done;

        public void Dispose()
        {
            if (!_done)
            {
                _done = true;
                db._rowAuditSuspended--;
            }
        }
    }

    // Every modified row gets a new version; the old one stays in the WHERE clause as the concurrency check.
    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.Property(e => e.Version).OriginalValue + 1;
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ApplicationUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(FieldLimits.Title);
            u.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<ApiToken>(t =>
        {
            Versioned(t);
            t.Property(x => x.Name).HasMaxLength(FieldLimits.Title);
            t.Property(x => x.TokenHash).HasMaxLength(64);
            t.Property(x => x.Prefix).HasMaxLength(16);
            t.Property(x => x.Scopes).HasMaxLength(FieldLimits.Title);
            t.Property(x => x.UserId).HasMaxLength(450);
            t.HasIndex(x => x.TokenHash).IsUnique();
            t.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Region>(r =>
        {
            Versioned(r);
            r.Property(x => x.Code).HasMaxLength(FieldLimits.Code);
            r.Property(x => x.Name).HasMaxLength(FieldLimits.Title);
            r.HasIndex(x => x.Code).IsUnique();
        });

        builder.Entity<DeliveryUnit>(d =>
        {
            Versioned(d);
            d.Property(x => x.Code).HasMaxLength(FieldLimits.Code);
            d.Property(x => x.Name).HasMaxLength(FieldLimits.Title);
            d.HasIndex(x => x.Code).IsUnique();
            d.HasOne(x => x.Region).WithMany(x => x.DeliveryUnits).HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Team>(t =>
        {
            Versioned(t);
            t.Property(x => x.Code).HasMaxLength(FieldLimits.Code);
            t.Property(x => x.Name).HasMaxLength(FieldLimits.Title);
            t.HasIndex(x => x.Code).IsUnique();
            t.HasOne(x => x.DeliveryUnit).WithMany(x => x.Teams).HasForeignKey(x => x.DeliveryUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<StaffMember>(s =>
        {
            Versioned(s);
            s.ToTable("StaffMembers");
            s.Property(x => x.StaffCode).HasMaxLength(FieldLimits.Code);
            s.Property(x => x.FirstName).HasMaxLength(FieldLimits.Name);
            s.Property(x => x.LastName).HasMaxLength(FieldLimits.Name);
            s.Property(x => x.Email).HasMaxLength(FieldLimits.Email);
            s.Property(x => x.ContractedHours).HasPrecision(5, 2);
            s.HasIndex(x => x.StaffCode).IsUnique();
            s.HasIndex(x => new { x.TeamId, x.LastName });
            s.HasOne(x => x.Team).WithMany(x => x.Staff).HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
            s.Ignore(x => x.FullName);
        });

        builder.Entity<Reduction>(r =>
        {
            Versioned(r);
            r.Property(x => x.Notes).HasMaxLength(FieldLimits.Note);
            r.Property(x => x.RecordedBy).HasMaxLength(FieldLimits.UserName);
            r.Property(x => x.HoursPerWeek).HasPrecision(5, 2);
            r.HasIndex(x => new { x.StaffMemberId, x.StartDate });
            r.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Features.Workload.WorkloadSnapshot>(w =>
        {
            w.Property(x => x.HoursRequired).HasPrecision(9, 2);
            w.Property(x => x.HoursAvailable).HasPrecision(9, 2);
            w.Property(x => x.CapacityPercent).HasPrecision(9, 2);
            w.HasIndex(x => new { x.Date, x.StaffMemberId }).IsUnique();
            w.HasIndex(x => new { x.TeamId, x.Date });
        });

        builder.Entity<WorkloadChallenge>(c =>
        {
            Versioned(c);
            c.Property(x => x.Reason).HasMaxLength(FieldLimits.Note);
            c.Property(x => x.Answer).HasMaxLength(FieldLimits.Note);
            c.Property(x => x.RaisedBy).HasMaxLength(FieldLimits.UserName);
            c.Property(x => x.AnsweredBy).HasMaxLength(FieldLimits.UserName);
            c.Property(x => x.HoursRequired).HasPrecision(9, 2);
            c.Property(x => x.HoursAvailable).HasPrecision(9, 2);
            c.Property(x => x.CapacityPercent).HasPrecision(9, 2);
            c.Ignore(x => x.IsAnswered);
            c.HasIndex(x => x.StaffMemberId);
            c.HasIndex(x => x.AnsweredAt);
            c.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseTransfer>(t =>
        {
            Versioned(t);
            t.Property(x => x.Reason).HasMaxLength(FieldLimits.Note);
            t.Property(x => x.TransferredBy).HasMaxLength(FieldLimits.UserName);
            t.HasIndex(x => x.OrderId);
            t.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
            t.HasOne<Team>().WithMany().HasForeignKey(x => x.FromTeamId).OnDelete(DeleteBehavior.Restrict);
            t.HasOne<Team>().WithMany().HasForeignKey(x => x.ToTeamId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ReportRequest>(r =>
        {
            Versioned(r);
            r.Property(x => x.RequestedBy).HasMaxLength(FieldLimits.UserName);
            r.HasIndex(x => new { x.StaffMemberId, x.DueDate });
            r.HasIndex(x => x.PersonId);
            r.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            r.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<StaffAbsence>(a =>
        {
            Versioned(a);
            a.ToTable("StaffAbsences");
            a.Property(x => x.Notes).HasMaxLength(FieldLimits.Note);
            a.HasIndex(x => new { x.StaffMemberId, x.StartDate });
            a.HasOne(x => x.StaffMember).WithMany(x => x.Absences).HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Person>(p =>
        {
            Versioned(p);
            p.Property(x => x.Crn).HasMaxLength(7);
            p.Property(x => x.FirstName).HasMaxLength(FieldLimits.Name);
            p.Property(x => x.MiddleNames).HasMaxLength(FieldLimits.Name);
            p.Property(x => x.LastName).HasMaxLength(FieldLimits.Name);
            p.Property(x => x.PreferredName).HasMaxLength(FieldLimits.Name);
            p.Property(x => x.SearchName).HasMaxLength((FieldLimits.Name * 4) + 3);
            p.Property(x => x.Phone).HasMaxLength(FieldLimits.Phone);
            p.Property(x => x.Email).HasMaxLength(FieldLimits.Email);
            p.HasIndex(x => x.Crn).IsUnique();
            p.HasIndex(x => x.SearchName);
            p.HasIndex(x => x.DateOfBirth);
            p.Ignore(x => x.FullName);
        });

        builder.Entity<Address>(a =>
        {
            Versioned(a);
            a.Property(x => x.Line1).HasMaxLength(FieldLimits.AddressLine);
            a.Property(x => x.Line2).HasMaxLength(FieldLimits.AddressLine);
            a.Property(x => x.Town).HasMaxLength(FieldLimits.AddressLine);
            a.Property(x => x.County).HasMaxLength(FieldLimits.AddressLine);
            a.Property(x => x.Postcode).HasMaxLength(FieldLimits.Postcode);
            a.HasIndex(x => new { x.PersonId, x.StartDate });
            a.HasOne(x => x.Person).WithMany(x => x.Addresses).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Marker>(m =>
        {
            Versioned(m);
            m.Property(x => x.Description).HasMaxLength(FieldLimits.Note);
            m.Property(x => x.AddedBy).HasMaxLength(FieldLimits.UserName);
            m.HasIndex(x => new { x.PersonId, x.Type });
            m.HasOne(x => x.Person).WithMany(x => x.Markers).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseRestriction>(r =>
        {
            Versioned(r);
            r.HasKey(x => x.PersonId);
            r.Property(x => x.PersonId).ValueGeneratedNever();
            r.Property(x => x.Reason).HasMaxLength(FieldLimits.Note);
            r.Property(x => x.ChangedBy).HasMaxLength(FieldLimits.UserName);
            r.HasOne(x => x.Person).WithOne(x => x.Restriction).HasForeignKey<CaseRestriction>(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseAccessEntry>(e =>
        {
            Versioned(e);
            e.Property(x => x.UserName).HasMaxLength(FieldLimits.UserName);
            e.Property(x => x.NormalizedUserName).HasMaxLength(FieldLimits.UserName);
            e.Property(x => x.Reason).HasMaxLength(FieldLimits.Note);
            e.Property(x => x.AddedBy).HasMaxLength(FieldLimits.UserName);
            e.Property(x => x.RemovedBy).HasMaxLength(FieldLimits.UserName);

            // The access predicate asks, for each person, "is this user on a list?"; the second index answers
            // "which cases is this user on?" for administrators.
            e.HasIndex(x => new { x.PersonId, x.NormalizedUserName });
            e.HasIndex(x => x.NormalizedUserName);
            e.HasOne(x => x.Person).WithMany(x => x.AccessEntries).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(x => x.IsActive);
        });

        builder.Entity<Order>(o =>
        {
            Versioned(o);
            o.Property(x => x.Court).HasMaxLength(FieldLimits.Title);
            o.Property(x => x.Offence).HasMaxLength(FieldLimits.Title);
            o.Property(x => x.TerminationReason).HasMaxLength(FieldLimits.Note);
            o.HasIndex(x => new { x.PersonId, x.SentenceDate });
            o.HasIndex(x => new { x.Status, x.ExpectedEndDate });
            o.HasIndex(x => x.AllocationTeamId);
            o.HasOne<Team>().WithMany().HasForeignKey(x => x.AllocationTeamId).OnDelete(DeleteBehavior.SetNull);
            o.HasOne(x => x.Person).WithMany(x => x.Orders).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            o.Ignore(x => x.IsLive);
        });

        builder.Entity<Requirement>(r =>
        {
            Versioned(r);
            r.Property(x => x.ProgrammeName).HasMaxLength(FieldLimits.Title);
            r.Property(x => x.Description).HasMaxLength(FieldLimits.Note);
            r.Property(x => x.TerminationReason).HasMaxLength(FieldLimits.Note);
            r.Property(x => x.CompletionOutcome).HasMaxLength(FieldLimits.Note);
            r.Property(x => x.CompletionRationale).HasMaxLength(FieldLimits.Note);
            r.Property(x => x.CompletionProgress).HasMaxLength(FieldLimits.Note);
            r.Property(x => x.CompletedBy).HasMaxLength(FieldLimits.UserName);
            r.HasIndex(x => x.OrderId);
            r.HasOne(x => x.Order).WithMany(x => x.Requirements).HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Assignment>(a =>
        {
            Versioned(a);
            a.Property(x => x.Reason).HasMaxLength(FieldLimits.Note);
            a.Property(x => x.AssignedBy).HasMaxLength(FieldLimits.UserName);
            a.Property(x => x.OverrideReason).HasMaxLength(FieldLimits.Note);
            a.Property(x => x.OverriddenRules).HasMaxLength(FieldLimits.Title);
            a.Property(x => x.HandoverNote).HasMaxLength(FieldLimits.Note);
            a.HasIndex(x => new { x.OrderId, x.FromDate });
            a.HasIndex(x => new { x.StaffMemberId, x.ToDate });
            a.HasOne(x => x.Order).WithMany(x => x.Assignments).HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne(x => x.StaffMember).WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
            a.Ignore(x => x.IsCurrent);
        });

        builder.Entity<RiskAssessment>(a =>
        {
            Versioned(a);
            a.Property(x => x.RsrPercent).HasPrecision(5, 2);
            a.Property(x => x.Notes).HasMaxLength(FieldLimits.Note);
            a.Property(x => x.AssessedBy).HasMaxLength(FieldLimits.UserName);
            a.HasIndex(x => new { x.PersonId, x.AssessedOn });
            a.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<NamedAssessment>(a =>
        {
            Versioned(a);
            a.Property(x => x.ToolName).HasMaxLength(FieldLimits.Name);
            a.Property(x => x.Notes).HasMaxLength(FieldLimits.Note);
            a.Property(x => x.AssessedBy).HasMaxLength(FieldLimits.UserName);
            a.HasIndex(x => new { x.PersonId, x.AssessedOn });
            a.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<CaseTier>(t =>
        {
            Versioned(t);
            t.Property(x => x.Policy).HasMaxLength(40);
            t.Property(x => x.PolicyVersion).HasMaxLength(40);
            t.Property(x => x.Tier).HasMaxLength(20);
            t.Property(x => x.ProtectLevel).HasMaxLength(1);
            t.Property(x => x.Working).HasMaxLength(8000);
            t.Property(x => x.Trigger).HasMaxLength(100);
            t.Property(x => x.PreviousTier).HasMaxLength(20);
            t.Property(x => x.CountersignatureWhy).HasMaxLength(FieldLimits.Note);
            t.Property(x => x.Reason).HasMaxLength(FieldLimits.Note);
            t.Property(x => x.ReasonBy).HasMaxLength(FieldLimits.UserName);
            t.Property(x => x.CountersignedBy).HasMaxLength(FieldLimits.UserName);
            t.Property(x => x.CountersignNote).HasMaxLength(FieldLimits.Note);

            // "this person's current and pending tiers" and "every case awaiting countersignature" are index ranges.
            t.HasIndex(x => new { x.PersonId, x.Status });
            t.HasIndex(x => x.Status);

            // At most one current and one pending tier per person, whatever races a recalculation meets.
            t.HasIndex(x => x.PersonId, "IX_CaseTiers_OneCurrent").IsUnique().HasFilter("\"Status\" = 'Current'");
            t.HasIndex(x => x.PersonId, "IX_CaseTiers_OnePending").IsUnique().HasFilter("\"Status\" IN ('AwaitingReason', 'AwaitingCountersignature')");
            t.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            // No action rather than restrict: deleting a person removes tiers and assessments in one statement.
            t.HasOne<RiskAssessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.NoAction);
            t.HasOne<RiskAssessment>().WithMany().HasForeignKey(x => x.FullAssessmentId).OnDelete(DeleteBehavior.NoAction);
            t.Ignore(x => x.IsPending);
        });

        builder.Entity<Location>(l =>
        {
            Versioned(l);
            l.Property(x => x.Name).HasMaxLength(FieldLimits.Title);
            l.Property(x => x.Address).HasMaxLength(FieldLimits.Note);
            l.HasIndex(x => x.TeamId);
            l.HasOne<Team>().WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Room>(r =>
        {
            Versioned(r);
            r.Property(x => x.Name).HasMaxLength(FieldLimits.Title);
            r.HasIndex(x => new { x.LocationId, x.Name }).IsUnique();
            r.HasOne(x => x.Location).WithMany(x => x.Rooms).HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<GroupSession>(g =>
        {
            Versioned(g);
            g.Property(x => x.Title).HasMaxLength(FieldLimits.Title);
            g.Ignore(x => x.EndsAt);
            g.Ignore(x => x.Slot);

            // "what is booked in this room around this time" and "the sessions at this location in a date range".
            g.HasIndex(x => new { x.RoomId, x.StartsAt });
            g.HasIndex(x => new { x.LocationId, x.StartsAt });
            g.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
            g.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
            g.HasMany(x => x.Facilitators).WithOne(x => x.GroupSession).HasForeignKey(x => x.GroupSessionId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<GroupSessionFacilitator>(f =>
        {
            // Saved with the session, whose version guards the list: no version of its own.
            f.HasKey(x => new { x.GroupSessionId, x.StaffMemberId });
            f.HasIndex(x => x.StaffMemberId);
            f.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<OpenProbation.Domain.Rar.NoSuitableActivity>(n =>
        {
            Versioned(n);
            n.Property(x => x.Reason).HasMaxLength(FieldLimits.Note);
            n.Property(x => x.WhatWasConsidered).HasMaxLength(FieldLimits.Note);
            n.Property(x => x.RecordedBy).HasMaxLength(FieldLimits.UserName);
            n.HasIndex(x => x.RequirementId);
            n.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            n.HasOne<Requirement>().WithMany().HasForeignKey(x => x.RequirementId).OnDelete(DeleteBehavior.NoAction);
        });

        builder.Entity<Letter>(l =>
        {
            Versioned(l);
            l.Property(x => x.EventKey).HasMaxLength(LetterEvents.MaxLength);
            l.Property(x => x.Title).HasMaxLength(FieldLimits.Title);
            l.Property(x => x.Addressee).HasMaxLength(FieldLimits.Title);
            l.Property(x => x.Salutation).HasMaxLength(FieldLimits.Title);
            l.Property(x => x.SignOff).HasMaxLength(FieldLimits.Title);
            l.Property(x => x.SignedBy).HasMaxLength(FieldLimits.Title);
            l.Property(x => x.CreatedBy).HasMaxLength(FieldLimits.UserName);
            l.Property(x => x.SentRecordedBy).HasMaxLength(FieldLimits.UserName);
            JsonLines(l.Property(x => x.AddressLines));
            JsonLines(l.Property(x => x.Paragraphs));
            l.Ignore(x => x.IsSent);

            // One event, one letter: whoever triggers it, however many at once.
            l.HasIndex(x => x.EventKey).IsUnique();
            l.HasIndex(x => new { x.PersonId, x.CreatedAt });
            l.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            l.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.NoAction);
            l.HasOne<Appointment>().WithMany().HasForeignKey(x => x.AppointmentId).OnDelete(DeleteBehavior.NoAction);
            l.HasOne<FailureToComply>().WithMany().HasForeignKey(x => x.FailureToComplyId).OnDelete(DeleteBehavior.NoAction);
        });

        builder.Entity<SentencePlan>(p =>
        {
            Versioned(p);
            p.Property(x => x.ReviewNote).HasMaxLength(FieldLimits.Note);
            p.Property(x => x.PersonGoals).HasMaxLength(FieldLimits.Note);
            p.Property(x => x.PersonAgreesTo).HasMaxLength(FieldLimits.Note);
            p.Property(x => x.PersonDisagreesWith).HasMaxLength(FieldLimits.Note);
            p.Property(x => x.RiskManagementPlan).HasMaxLength(FieldLimits.Note);
            p.Property(x => x.CountersignatureNote).HasMaxLength(FieldLimits.Note);
            p.Property(x => x.CreatedBy).HasMaxLength(FieldLimits.UserName);
            p.Property(x => x.AgreedBy).HasMaxLength(FieldLimits.UserName);
            p.Property(x => x.CountersignedBy).HasMaxLength(FieldLimits.UserName);
            p.Ignore(x => x.IsDraft);

            // A version is a document: its objectives change with it, move its version and appear in its audit entry.
            p.Property(x => x.Objectives).HasConversion(
                v => JsonSerializer.Serialize(v, PlanJson),
                v => JsonSerializer.Deserialize<List<PlanObjective>>(v, PlanJson) ?? new List<PlanObjective>(),
                new ValueComparer<List<PlanObjective>>(
                    (a, b) => JsonSerializer.Serialize(a, PlanJson) == JsonSerializer.Serialize(b, PlanJson),
                    v => JsonSerializer.Serialize(v, PlanJson).GetHashCode(StringComparison.Ordinal),
                    v => JsonSerializer.Deserialize<List<PlanObjective>>(JsonSerializer.Serialize(v, PlanJson), PlanJson)!));

            // Two officers starting a review at once would both take the next number: one of them is refused.
            p.HasIndex(x => new { x.OrderId, x.PlanNumber }).IsUnique();
            p.HasIndex(x => new { x.PersonId, x.OrderId });
            p.HasIndex(x => new { x.Status, x.DueOn });
            p.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.NoAction);
        });

        builder.Entity<FailureToComply>(f =>
        {
            Versioned(f);
            f.Property(x => x.DecisionReason).HasMaxLength(FieldLimits.Note);
            f.Property(x => x.WithdrawnReason).HasMaxLength(FieldLimits.Note);
            f.Property(x => x.Proposal).HasMaxLength(FieldLimits.Note);
            f.Property(x => x.DecidedBy).HasMaxLength(FieldLimits.UserName);
            f.Property(x => x.WithdrawnBy).HasMaxLength(FieldLimits.UserName);
            f.Ignore(x => x.IsAwaitingDecision);

            // One event, one decision and one letter: the appointment is unique, so two users recording it at once open one.
            f.HasIndex(x => x.AppointmentId).IsUnique();
            f.HasIndex(x => new { x.PersonId, x.FailureDate });
            f.HasIndex(x => new { x.Status, x.DecisionDueOn });
            f.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            f.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.NoAction);
            f.HasOne<Appointment>().WithMany().HasForeignKey(x => x.AppointmentId).OnDelete(DeleteBehavior.NoAction);
        });

        builder.Entity<Appointment>(a =>
        {
            Versioned(a);
            a.Property(x => x.Notes).HasMaxLength(FieldLimits.Note);
            a.Property(x => x.OutcomeNotes).HasMaxLength(FieldLimits.Note);
            a.Property(x => x.AbsenceReason).HasMaxLength(FieldLimits.Note);
            a.Property(x => x.AbsenceEvidence).HasMaxLength(FieldLimits.Note);
            a.Property(x => x.OutcomeRecordedBy).HasMaxLength(FieldLimits.UserName);
            a.Property(x => x.ArrangedBy).HasMaxLength(FieldLimits.UserName);
            a.Ignore(x => x.EndsAt);
            a.Ignore(x => x.Slot);
            a.Ignore(x => x.IsHeld);
            a.Ignore(x => x.IsFailureToComply);

            // A person's contact log and compliance, an officer's diary and a room's bookings are each one index range.
            a.HasIndex(x => new { x.PersonId, x.StartsAt });
            a.HasIndex(x => new { x.StaffMemberId, x.StartsAt });
            a.HasIndex(x => new { x.RoomId, x.StartsAt });
            a.HasIndex(x => x.GroupSessionId);
            a.HasIndex(x => x.RescheduledFromId);
            a.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);

            // Orders, requirements and replaced appointments go with the person too: checked at the end of the statement
            // (no action), not row by row (restrict), so deleting a person's records together never trips over the order.
            a.HasOne<Order>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.NoAction);
            a.HasOne<Requirement>().WithMany().HasForeignKey(x => x.RequirementId).OnDelete(DeleteBehavior.NoAction);
            a.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<Location>().WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<Room>().WithMany().HasForeignKey(x => x.RoomId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<GroupSession>().WithMany().HasForeignKey(x => x.GroupSessionId).OnDelete(DeleteBehavior.Restrict);
            a.HasOne<Appointment>().WithMany().HasForeignKey(x => x.RescheduledFromId).OnDelete(DeleteBehavior.NoAction);
        });

        builder.Entity<ScheduledRun>(r =>
        {
            r.HasKey(x => x.Name);
            r.Property(x => x.Name).HasMaxLength(40);
            r.Property(x => x.Summary).HasMaxLength(FieldLimits.Title);
        });

        builder.Entity<AuditEvent>(e =>
        {
            e.Property(x => x.Actor).HasMaxLength(FieldLimits.UserName);
            e.Property(x => x.Source).HasMaxLength(64);
            e.Property(x => x.EntityType).HasMaxLength(100);
            e.Property(x => x.EntityId).HasMaxLength(1000);
            e.Property(x => x.Section).HasMaxLength(100);
            e.Property(x => x.PreviousHash).HasMaxLength(64);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.Sequence).IsUnique();

            // A case's history, newest first, is one range of this index.
            e.HasIndex(x => new { x.PersonId, x.OccurredAt });
        });

        builder.Entity<AuditChainHead>(h =>
        {
            h.Property(x => x.Id).ValueGeneratedNever();
            h.Property(x => x.LastHash).HasMaxLength(64);
            h.HasData(new AuditChainHead { Id = AuditChainHead.SingletonId, LastSequence = 0, LastHash = AuditChain.GenesisHash });
        });

        // Enums are stored by name: readable in SQL, and safe when members are added in the middle.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type.IsEnum)
            {
                property.SetValueConverter(typeof(Microsoft.EntityFrameworkCore.Storage.ValueConversion.EnumToStringConverter<>).MakeGenericType(type));
                property.SetMaxLength(40);
            }
        }
    }

    private static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web);

    /// <summary>A list of lines kept as one JSON column, compared by value so an edit to a line is saved.</summary>
    private static void JsonLines(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<string>> property) => property.HasConversion(
        v => JsonSerializer.Serialize(v, PlanJson),
        v => JsonSerializer.Deserialize<List<string>>(v, PlanJson) ?? new List<string>(),
        new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => string.Join('\n', v).GetHashCode(StringComparison.Ordinal), v => v.ToList()));

    private static void Versioned<T>(EntityTypeBuilder<T> entity)
        where T : class, IVersioned => entity.Property(e => e.Version).IsConcurrencyToken();
}
