using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    FailureToComplyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Addressee = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddressLines = table.Column<string>(type: "TEXT", nullable: false),
                    Salutation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Paragraphs = table.Column<string>(type: "TEXT", nullable: false),
                    SignOff = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LetterDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SentHow = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SentRecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SentRecordedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
