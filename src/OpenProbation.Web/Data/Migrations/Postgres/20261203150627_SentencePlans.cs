using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SentencePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SentencePlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    PlanNumber = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReviewReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PersonGoals = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PersonAgreesTo = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PersonDisagreesWith = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RiskManagementPlan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Objectives = table.Column<string>(type: "text", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AgreedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AgreedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MeetingAppointmentId = table.Column<int>(type: "integer", nullable: true),
                    NeedsCountersignature = table.Column<bool>(type: "boolean", nullable: false),
                    CountersignedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CountersignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CountersignatureNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReviewDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentencePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SentencePlans_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SentencePlans_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SentencePlans_OrderId_PlanNumber",
                table: "SentencePlans",
                columns: new[] { "OrderId", "PlanNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SentencePlans_PersonId_OrderId",
                table: "SentencePlans",
                columns: new[] { "PersonId", "OrderId" });

            migrationBuilder.CreateIndex(
                name: "IX_SentencePlans_Status_DueOn",
                table: "SentencePlans",
                columns: new[] { "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SentencePlans");
        }
    }
}
