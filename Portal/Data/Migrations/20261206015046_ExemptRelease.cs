using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class ExemptRelease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReleasedOn",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewReason",
                table: "Reports",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewedById",
                table: "Reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewedOn",
                table: "Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ReviewedById",
                table: "Reports",
                column: "ReviewedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Reports_People_ReviewedById",
                table: "Reports",
                column: "ReviewedById",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // Confidentiality follows the item: an item an exempt report was already published on
            // is taken in private, and its minutes leave the search index (rows 2,000,000,000 + item).
            migrationBuilder.Sql(
                """
                UPDATE AgendaItems SET IsPrivate = 1
                WHERE IsPrivate = 0 AND Id IN (SELECT AgendaItemId FROM Reports WHERE IsExempt = 1 AND Status = 'Published' AND AgendaItemId IS NOT NULL);
                DELETE FROM SearchIndex
                WHERE rowid IN (SELECT 2000000000 + AgendaItemId FROM Reports WHERE IsExempt = 1 AND Status = 'Published' AND AgendaItemId IS NOT NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Reports_People_ReviewedById",
                table: "Reports");

            migrationBuilder.DropIndex(
                name: "IX_Reports_ReviewedById",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "ReleasedOn",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "ReviewReason",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "ReviewedById",
                table: "Reports");

            migrationBuilder.DropColumn(
                name: "ReviewedOn",
                table: "Reports");
        }
    }
}
