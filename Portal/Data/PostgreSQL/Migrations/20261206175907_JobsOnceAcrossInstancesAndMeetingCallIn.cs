using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class JobsOnceAcrossInstancesAndMeetingCallIn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClaimId",
                table: "Notifications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CallInEndsOn",
                table: "Decisions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ImplementedOn",
                table: "Decisions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PublishedOn",
                table: "Decisions",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<bool>(
                name: "SubjectToCallIn",
                table: "Decisions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "UrgencyAgreedBy",
                table: "Decisions",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "UrgencyAgreedOn",
                table: "Decisions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UrgencyReason",
                table: "Decisions",
                type: "character varying(8000)",
                maxLength: 8000,
                nullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "OfficerDecisionId",
                table: "CallInRequests",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<int>(
                name: "DecisionId",
                table: "CallInRequests",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OnceOnly",
                table: "Notifications",
                columns: new[] { "Kind", "PersonId", "Link", "Date" },
                unique: true,
                filter: "\"Kind\" IN ('ActionDue', 'ActionOverdue', 'IndicatorDue', 'IndicatorOverdue', 'DirectorSummary', 'InterestsReminder')");

            migrationBuilder.CreateIndex(
                name: "IX_CallInRequests_DecisionId",
                table: "CallInRequests",
                column: "DecisionId");

            migrationBuilder.AddForeignKey(
                name: "FK_CallInRequests_Decisions_DecisionId",
                table: "CallInRequests",
                column: "DecisionId",
                principalTable: "Decisions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CallInRequests_Decisions_DecisionId",
                table: "CallInRequests");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_OnceOnly",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_CallInRequests_DecisionId",
                table: "CallInRequests");

            migrationBuilder.DropColumn(
                name: "ClaimId",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "CallInEndsOn",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "ImplementedOn",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "PublishedOn",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "SubjectToCallIn",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "UrgencyAgreedBy",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "UrgencyAgreedOn",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "UrgencyReason",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "DecisionId",
                table: "CallInRequests");

            migrationBuilder.AlterColumn<int>(
                name: "OfficerDecisionId",
                table: "CallInRequests",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);
        }
    }
}
