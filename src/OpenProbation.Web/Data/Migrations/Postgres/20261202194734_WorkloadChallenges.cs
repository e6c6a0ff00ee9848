using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PointsUsed = table.Column<int>(type: "integer", nullable: false),
                    PointsAvailable = table.Column<int>(type: "integer", nullable: false),
                    HoursRequired = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    HoursAvailable = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    CapacityPercent = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    RaisedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
