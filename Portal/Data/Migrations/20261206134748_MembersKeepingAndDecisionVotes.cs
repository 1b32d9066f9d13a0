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

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_VoteId",
                table: "Decisions",
                column: "VoteId");

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

            migrationBuilder.DropIndex(
                name: "IX_Decisions_VoteId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "VoteId",
                table: "Decisions");
        }
    }
}
