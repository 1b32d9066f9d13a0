using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class MembersKeepingAndDecisionVotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "VoteId",
                table: "Decisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OfficerDecisionAmendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficerDecisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AmendedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AmendedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MakerKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MakerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Delegation = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecisionText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Alternatives = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Interests = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Dispensations = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    BackgroundPapers = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ExemptParagraph = table.Column<int>(type: "INTEGER", nullable: true),
                    IsKeyDecision = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficerDecisionAmendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficerDecisionAmendments_OfficerDecisions_OfficerDecisionId",
                        column: x => x.OfficerDecisionId,
                        principalTable: "OfficerDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_VoteId",
                table: "Decisions",
                column: "VoteId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficerDecisionAmendments_OfficerDecisionId_Number",
                table: "OfficerDecisionAmendments",
                columns: new[] { "OfficerDecisionId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Decisions_Votes_VoteId",
                table: "Decisions",
                column: "VoteId",
                principalTable: "Votes",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Decisions_Votes_VoteId",
                table: "Decisions");

            migrationBuilder.DropTable(
                name: "OfficerDecisionAmendments");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_VoteId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "VoteId",
                table: "Decisions");
        }
    }
}
