using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkloadChallenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkloadChallenges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffMemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PointsUsed = table.Column<int>(type: "INTEGER", nullable: false),
                    PointsAvailable = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursRequired = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: false),
                    HoursAvailable = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: false),
                    CapacityPercent = table.Column<double>(type: "REAL", precision: 9, scale: 2, nullable: true),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkloadChallenges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkloadChallenges_StaffMembers_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "StaffMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadChallenges_AnsweredAt",
                table: "WorkloadChallenges",
                column: "AnsweredAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkloadChallenges_StaffMemberId",
                table: "WorkloadChallenges",
                column: "StaffMemberId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkloadChallenges");
        }
    }
}
