using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Allocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "CaseHoldingPosts",
                table: "Teams",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AllocationTeamId",
                table: "Orders",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverNote",
                table: "Assignments",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverriddenRules",
                table: "Assignments",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "Assignments",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SeenAt",
                table: "Assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseTransfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrderId = table.Column<int>(type: "integer", nullable: false),
                    FromTeamId = table.Column<int>(type: "integer", nullable: true),
                    ToTeamId = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    TransferredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TransferredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseTransfers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_Teams_FromTeamId",
                        column: x => x.FromTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CaseTransfers_Teams_ToTeamId",
                        column: x => x.ToTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_AllocationTeamId",
                table: "Orders",
                column: "AllocationTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_FromTeamId",
                table: "CaseTransfers",
                column: "FromTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_OrderId",
                table: "CaseTransfers",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTransfers_ToTeamId",
                table: "CaseTransfers",
                column: "ToTeamId");

            migrationBuilder.AddForeignKey(
                name: "FK_Orders_Teams_AllocationTeamId",
                table: "Orders",
                column: "AllocationTeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Orders_Teams_AllocationTeamId",
                table: "Orders");

            migrationBuilder.DropTable(
                name: "CaseTransfers");

            migrationBuilder.DropIndex(
                name: "IX_Orders_AllocationTeamId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "CaseHoldingPosts",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "AllocationTeamId",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "HandoverNote",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "OverriddenRules",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "OverrideReason",
                table: "Assignments");

            migrationBuilder.DropColumn(
                name: "SeenAt",
                table: "Assignments");
        }
    }
}
