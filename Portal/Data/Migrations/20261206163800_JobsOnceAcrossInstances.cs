using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class JobsOnceAcrossInstances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClaimId",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OnceOnly",
                table: "Notifications",
                columns: new[] { "Kind", "PersonId", "Link", "Date" },
                unique: true,
                filter: "\"Kind\" IN ('ActionDue', 'ActionOverdue', 'IndicatorDue', 'IndicatorOverdue', 'DirectorSummary', 'InterestsReminder')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_OnceOnly",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ClaimId",
                table: "Notifications");
        }
    }
}
