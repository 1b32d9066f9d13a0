using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class MembersVotesAndDistributionLists : Migration
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

            migrationBuilder.AddColumn<DateOnly>(
                name: "TermFrom",
                table: "BodyMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TermTo",
                table: "BodyMembers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BodyMakeUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    Quorum = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BodyMakeUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BodyMakeUps_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "DistributionRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AddedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DistributionRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DistributionRecipients_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DistributionRecipients_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "Parties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IsGroup = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Parties", x => x.Id);
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
                name: "Wards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Wards", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "Councillors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    WardId = table.Column<int>(type: "INTEGER", nullable: true),
                    PartyId = table.Column<int>(type: "INTEGER", nullable: true),
                    Seat = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PublicPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PublicAddress = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PhotoVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Councillors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Councillors_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Councillors_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Councillors_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CouncillorPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncillorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncillorPhotos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncillorPhotos_Councillors_CouncillorId",
                        column: x => x.CouncillorId,
                        principalTable: "Councillors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegisteredInterests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncillorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Particulars = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Giver = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsSensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RemovedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisteredInterests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisteredInterests_Councillors_CouncillorId",
                        column: x => x.CouncillorId,
                        principalTable: "Councillors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TermsOfOffice",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncillorId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermsOfOffice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TermsOfOffice_Councillors_CouncillorId",
                        column: x => x.CouncillorId,
                        principalTable: "Councillors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InterestVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InterestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Particulars = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Giver = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Value = table.Column<decimal>(type: "TEXT", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsSensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InterestVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InterestVersions_RegisteredInterests_InterestId",
                        column: x => x.InterestId,
                        principalTable: "RegisteredInterests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BodyMakeUps_BodyId",
                table: "BodyMakeUps",
                column: "BodyId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallInRequests_OfficerDecisionId",
                table: "CallInRequests",
                column: "OfficerDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncillorPhotos_CouncillorId",
                table: "CouncillorPhotos",
                column: "CouncillorId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Councillors_PartyId",
                table: "Councillors",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_Councillors_PersonId",
                table: "Councillors",
                column: "PersonId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Councillors_WardId",
                table: "Councillors",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_DistributionRecipients_BodyId_PersonId",
                table: "DistributionRecipients",
                columns: new[] { "BodyId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_DistributionRecipients_PersonId",
                table: "DistributionRecipients",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_InterestVersions_InterestId",
                table: "InterestVersions",
                column: "InterestId");

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
                name: "IX_Parties_Name",
                table: "Parties",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegisteredInterests_CouncillorId",
                table: "RegisteredInterests",
                column: "CouncillorId");

            migrationBuilder.CreateIndex(
                name: "IX_TermsOfOffice_CouncillorId",
                table: "TermsOfOffice",
                column: "CouncillorId");

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

            migrationBuilder.CreateIndex(
                name: "IX_Wards_Name",
                table: "Wards",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BodyMakeUps");

            migrationBuilder.DropTable(
                name: "CallInRequests");

            migrationBuilder.DropTable(
                name: "CallInSettings");

            migrationBuilder.DropTable(
                name: "CouncillorPhotos");

            migrationBuilder.DropTable(
                name: "DistributionRecipients");

            migrationBuilder.DropTable(
                name: "InterestVersions");

            migrationBuilder.DropTable(
                name: "KeyDecisionNotices");

            migrationBuilder.DropTable(
                name: "TermsOfOffice");

            migrationBuilder.DropTable(
                name: "VoteBallots");

            migrationBuilder.DropTable(
                name: "OfficerDecisions");

            migrationBuilder.DropTable(
                name: "RegisteredInterests");

            migrationBuilder.DropTable(
                name: "Votes");

            migrationBuilder.DropTable(
                name: "Councillors");

            migrationBuilder.DropTable(
                name: "Parties");

            migrationBuilder.DropTable(
                name: "Wards");

            migrationBuilder.DropColumn(
                name: "Documents",
                table: "ForwardPlanEntries");

            migrationBuilder.DropColumn(
                name: "DocumentsFrom",
                table: "ForwardPlanEntries");

            migrationBuilder.DropColumn(
                name: "TermFrom",
                table: "BodyMembers");

            migrationBuilder.DropColumn(
                name: "TermTo",
                table: "BodyMembers");
        }
    }
}
