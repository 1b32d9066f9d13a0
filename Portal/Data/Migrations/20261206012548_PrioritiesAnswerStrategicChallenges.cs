using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class PrioritiesAnswerStrategicChallenges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChallengeId",
                table: "ThreadItems",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThreadItems_ChallengeId",
                table: "ThreadItems",
                column: "ChallengeId");

            migrationBuilder.AddForeignKey(
                name: "FK_ThreadItems_ThreadItems_ChallengeId",
                table: "ThreadItems",
                column: "ChallengeId",
                principalTable: "ThreadItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ThreadItems_ThreadItems_ChallengeId",
                table: "ThreadItems");

            migrationBuilder.DropIndex(
                name: "IX_ThreadItems_ChallengeId",
                table: "ThreadItems");

            migrationBuilder.DropColumn(
                name: "ChallengeId",
                table: "ThreadItems");
        }
    }
}
