using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenProbation.Domain.Common;
using OpenProbation.Domain.Orders;
using OpenProbation.Domain.Organisation;
using OpenProbation.Domain.People;
using OpenProbation.Web.Security;

namespace OpenProbation.Web.Data;

/// <summary>
/// The one store of OpenProbation. The provider-specific subclasses exist only so each provider keeps its own
/// migrations (SQLite and PostgreSQL differ in types and SQL); the model is defined once, here.
/// </summary>
public class OpenProbationDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser, IdentityRole, string>(options)
{
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

    public DbSet<CaseRestriction> CaseRestrictions => Set<CaseRestriction>();

    public DbSet<CaseAccessEntry> CaseAccessEntries => Set<CaseAccessEntry>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
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
            o.HasOne(x => x.Person).WithMany(x => x.Orders).HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
            o.Ignore(x => x.IsLive);
        });

        builder.Entity<Requirement>(r =>
        {
            Versioned(r);
            r.Property(x => x.ProgrammeName).HasMaxLength(FieldLimits.Title);
            r.Property(x => x.Description).HasMaxLength(FieldLimits.Note);
            r.Property(x => x.TerminationReason).HasMaxLength(FieldLimits.Note);
            r.HasIndex(x => x.OrderId);
            r.HasOne(x => x.Order).WithMany(x => x.Requirements).HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Assignment>(a =>
        {
            Versioned(a);
            a.Property(x => x.Reason).HasMaxLength(FieldLimits.Note);
            a.Property(x => x.AssignedBy).HasMaxLength(FieldLimits.UserName);
            a.HasIndex(x => new { x.OrderId, x.FromDate });
            a.HasIndex(x => new { x.StaffMemberId, x.ToDate });
            a.HasOne(x => x.Order).WithMany(x => x.Assignments).HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne(x => x.StaffMember).WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
            a.Ignore(x => x.IsCurrent);
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

    private static void Versioned<T>(EntityTypeBuilder<T> entity)
        where T : class, IVersioned => entity.Property(e => e.Version).IsConcurrencyToken();
}
