using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TierIntegrity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CaseTiers_RiskAssessments_AssessmentId",
                table: "CaseTiers");

            migrationBuilder.DropForeignKey(
                name: "FK_CaseTiers_RiskAssessments_FullAssessmentId",
                table: "CaseTiers");

            migrationBuilder.CreateTable(
                name: "ScheduledRuns",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LastRunOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScheduledRuns", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTiers_OneCurrent",
                table: "CaseTiers",
                column: "PersonId",
                unique: true,
                filter: "\"Status\" = 'Current'");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTiers_OnePending",
                table: "CaseTiers",
                column: "PersonId",
                unique: true,
                filter: "\"Status\" IN ('AwaitingReason', 'AwaitingCountersignature')");

            migrationBuilder.AddForeignKey(
                name: "FK_CaseTiers_RiskAssessments_AssessmentId",
                table: "CaseTiers",
                column: "AssessmentId",
                principalTable: "RiskAssessments",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_CaseTiers_RiskAssessments_FullAssessmentId",
                table: "CaseTiers",
                column: "FullAssessmentId",
                principalTable: "RiskAssessments",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CaseTiers_RiskAssessments_AssessmentId",
                table: "CaseTiers");

            migrationBuilder.DropForeignKey(
                name: "FK_CaseTiers_RiskAssessments_FullAssessmentId",
                table: "CaseTiers");

            migrationBuilder.DropTable(
                name: "ScheduledRuns");

            migrationBuilder.DropIndex(
                name: "IX_CaseTiers_OneCurrent",
                table: "CaseTiers");

            migrationBuilder.DropIndex(
                name: "IX_CaseTiers_OnePending",
                table: "CaseTiers");

            migrationBuilder.AddForeignKey(
                name: "FK_CaseTiers_RiskAssessments_AssessmentId",
                table: "CaseTiers",
                column: "AssessmentId",
                principalTable: "RiskAssessments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CaseTiers_RiskAssessments_FullAssessmentId",
                table: "CaseTiers",
                column: "FullAssessmentId",
                principalTable: "RiskAssessments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
