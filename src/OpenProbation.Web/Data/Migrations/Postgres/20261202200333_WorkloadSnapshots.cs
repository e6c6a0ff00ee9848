using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WorkloadSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkloadSnapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    TeamId = table.Column<int>(type: "integer", nullable: false),
                    Cases = table.Column<int>(type: "integer", nullable: false),
                    PointsUsed = table.Column<int>(type: "integer", nullable: false),
                    PointsAvailable = table.Column<int>(type: "integer", nullable: false),
                    HoursRequired = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    HoursAvailable = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    CapacityPercent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    OverCapacity = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkloadSnapshots", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadSnapshots_Date_StaffMemberId",
                table: "WorkloadSnapshots",
                columns: new[] { "Date", "StaffMemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadSnapshots_TeamId_Date",
                table: "WorkloadSnapshots",
                columns: new[] { "TeamId", "Date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkloadSnapshots");
        }
    }
}
