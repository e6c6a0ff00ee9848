using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Letters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Letters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    OrderId = table.Column<int>(type: "integer", nullable: true),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EventKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AppointmentId = table.Column<int>(type: "integer", nullable: true),
                    FailureToComplyId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Addressee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddressLines = table.Column<string>(type: "text", nullable: false),
                    Salutation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Paragraphs = table.Column<string>(type: "text", nullable: false),
                    SignOff = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SentHow = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SentRecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SentRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Letters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Letters_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Letters_FailuresToComply_FailureToComplyId",
                        column: x => x.FailureToComplyId,
                        principalTable: "FailuresToComply",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Letters_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Letters_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Letters_AppointmentId",
                table: "Letters",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_EventKey",
                table: "Letters",
                column: "EventKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Letters_FailureToComplyId",
                table: "Letters",
                column: "FailureToComplyId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_OrderId",
                table: "Letters",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Letters_PersonId_CreatedAt",
                table: "Letters",
                columns: new[] { "PersonId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Letters");
        }
    }
}
