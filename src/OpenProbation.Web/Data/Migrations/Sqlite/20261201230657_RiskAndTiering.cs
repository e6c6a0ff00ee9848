using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RiskAndTiering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NamedAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tool = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ToolName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NamedAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NamedAssessments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Layer = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsComplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    Rosh = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RoshChildren = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RoshPublic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RoshKnownAdult = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RoshStaff = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RoshPrisoners = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RsrPercent = table.Column<double>(type: "REAL", precision: 5, scale: 2, nullable: true),
                    OgrsPercent = table.Column<int>(type: "INTEGER", nullable: true),
                    Accommodation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EducationTrainingEmployment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Relationships = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Lifestyle = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DrugMisuse = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AlcoholMisuse = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ThinkingAndBehaviour = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Attitudes = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Finance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EmotionalWellbeing = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ParentingResponsibilities = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImpulsivityOrTemperControl = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskAssessments_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseTiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Policy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectLevel = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    ChangeLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ProtectPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangePoints = table.Column<int>(type: "INTEGER", nullable: false),
                    Working = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    FullAssessmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PreviousTier = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CalculatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CalculatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CountersignatureRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CountersignatureWhy = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReasonBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReasonAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CountersignedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CountersignedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CountersignNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTiers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseTiers_RiskAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "RiskAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTiers_RiskAssessments_FullAssessmentId",
                        column: x => x.FullAssessmentId,
                        principalTable: "RiskAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTiers_AssessmentId",
                table: "CaseTiers",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTiers_FullAssessmentId",
                table: "CaseTiers",
                column: "FullAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTiers_PersonId_Status",
                table: "CaseTiers",
                columns: new[] { "PersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTiers_Status",
                table: "CaseTiers",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_NamedAssessments_PersonId_AssessedOn",
                table: "NamedAssessments",
                columns: new[] { "PersonId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RiskAssessments_PersonId_AssessedOn",
                table: "RiskAssessments",
                columns: new[] { "PersonId", "AssessedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseTiers");

            migrationBuilder.DropTable(
                name: "NamedAssessments");

            migrationBuilder.DropTable(
                name: "RiskAssessments");
        }
    }
}
