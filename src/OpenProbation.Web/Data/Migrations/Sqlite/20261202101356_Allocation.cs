using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenProbation.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Allocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "CaseHoldingPosts",
                table: "Teams",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AllocationTeamId",
                table: "Orders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandoverNote",
                table: "Assignments",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverriddenRules",
                table: "Assignments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverrideReason",
                table: "Assignments",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SeenAt",
                table: "Assignments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseTransfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromTeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToTeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TransferredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TransferredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
