using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class VotesAndOfficerDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Documents",
                table: "ForwardPlanEntries",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentsFrom",
                table: "ForwardPlanEntries",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CallInSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MembersNeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallInSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KeyDecisionNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ScrutinyChair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScrutinyChairOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ForwardPlanEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyDecisionNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KeyDecisionNotices_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KeyDecisionNotices_ForwardPlanEntries_ForwardPlanEntryId",
                        column: x => x.ForwardPlanEntryId,
                        principalTable: "ForwardPlanEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OfficerDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
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
                    IsKeyDecision = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubjectToCallIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedById = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CallInEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UrgencyReason = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    UrgencyAgreedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UrgencyAgreedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImplementedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OfficerDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OfficerDecisions_People_MakerId",
                        column: x => x.MakerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OfficerDecisions_People_RecordedById",
                        column: x => x.RecordedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    Motion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsRecorded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AgainstCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AbstainCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChairId = table.Column<int>(type: "INTEGER", nullable: true),
                    CastingVote = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Votes_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Votes_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Votes_People_ChairId",
                        column: x => x.ChairId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CallInRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficerDecisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MemberIds = table.Column<string>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OutcomeNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallInRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CallInRequests_OfficerDecisions_OfficerDecisionId",
                        column: x => x.OfficerDecisionId,
                        principalTable: "OfficerDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VoteBallots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reservation = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VoteBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VoteBallots_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VoteBallots_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CallInRequests_OfficerDecisionId",
                table: "CallInRequests",
                column: "OfficerDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyDecisionNotices_BodyId",
                table: "KeyDecisionNotices",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_KeyDecisionNotices_DecisionDue",
                table: "KeyDecisionNotices",
                column: "DecisionDue");

            migrationBuilder.CreateIndex(
                name: "IX_KeyDecisionNotices_ForwardPlanEntryId",
                table: "KeyDecisionNotices",
                column: "ForwardPlanEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficerDecisions_DecidedOn",
                table: "OfficerDecisions",
                column: "DecidedOn");

            migrationBuilder.CreateIndex(
                name: "IX_OfficerDecisions_MakerId",
                table: "OfficerDecisions",
                column: "MakerId");

            migrationBuilder.CreateIndex(
                name: "IX_OfficerDecisions_RecordedById",
                table: "OfficerDecisions",
                column: "RecordedById");

            migrationBuilder.CreateIndex(
                name: "IX_VoteBallots_PersonId",
                table: "VoteBallots",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_VoteBallots_VoteId_PersonId",
                table: "VoteBallots",
                columns: new[] { "VoteId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Votes_AgendaItemId",
                table: "Votes",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_ChairId",
                table: "Votes",
                column: "ChairId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_MeetingId",
                table: "Votes",
                column: "MeetingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallInRequests");

            migrationBuilder.DropTable(
                name: "CallInSettings");

            migrationBuilder.DropTable(
                name: "KeyDecisionNotices");

            migrationBuilder.DropTable(
                name: "VoteBallots");

            migrationBuilder.DropTable(
                name: "OfficerDecisions");

            migrationBuilder.DropTable(
                name: "Votes");

            migrationBuilder.DropColumn(
                name: "Documents",
                table: "ForwardPlanEntries");

            migrationBuilder.DropColumn(
                name: "DocumentsFrom",
                table: "ForwardPlanEntries");
        }
    }
}
