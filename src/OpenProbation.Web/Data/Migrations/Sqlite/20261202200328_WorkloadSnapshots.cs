using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Cases = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsAvailable = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursRequired = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: false),
                    HoursAvailable = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: false),
                    CapacityPercent = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: true),
                    OverCapacity = table.Column<bool>(type: "INTEGER", nullable: false)
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
