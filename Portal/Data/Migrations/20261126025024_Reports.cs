using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ForwardPlanEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NoticeGivenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PrivateParagraph = table.Column<int>(type: "INTEGER", nullable: true),
                    LeadOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ForwardPlanEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ForwardPlanEntries_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ForwardPlanEntries_People_LeadOfficerId",
                        column: x => x.LeadOfficerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChiefOfficerId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactDetails = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AllWards = table.Column<bool>(type: "INTEGER", nullable: false),
                    Wards = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IsKeyDecision = table.Column<bool>(type: "INTEGER", nullable: false),
                    ForwardPlanEntryId = table.Column<int>(type: "INTEGER", nullable: true),
                    BackgroundPapers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    IsExempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExemptParagraph = table.Column<int>(type: "INTEGER", nullable: true),
                    PublicInterestReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReleaseOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClearedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClearedById = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    LateReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reports_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Reports_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_ForwardPlanEntries_ForwardPlanEntryId",
                        column: x => x.ForwardPlanEntryId,
                        principalTable: "ForwardPlanEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Reports_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Reports_People_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_People_ChiefOfficerId",
                        column: x => x.ChiefOfficerId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Reports_People_ClearedById",
                        column: x => x.ClearedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Annexes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    IsExempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExemptParagraph = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Annexes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Annexes_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReadingNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReadingNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReadingNotes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReadingNotes_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Recommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recommendations_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedById = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredById = table.Column<int>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportQuestions_People_AnsweredById",
                        column: x => x.AnsweredById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportQuestions_People_AskedById",
                        column: x => x.AskedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReportQuestions_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportSections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportSections_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AnnexContents",
                columns: table => new
                {
                    AnnexId = table.Column<int>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnexContents", x => x.AnnexId);
                    table.ForeignKey(
                        name: "FK_AnnexContents_Annexes_AnnexId",
                        column: x => x.AnnexId,
                        principalTable: "Annexes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Wording = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AlternativesRejected = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    InterestsDeclared = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Decisions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Decisions_Recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "Recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Decisions_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionLinks_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Annexes_ReportId_Number",
                table: "Annexes",
                columns: new[] { "ReportId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLinks_DecisionId",
                table: "DecisionLinks",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionLinks_Target_TargetId",
                table: "DecisionLinks",
                columns: new[] { "Target", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_BodyId",
                table: "Decisions",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_DecidedOn",
                table: "Decisions",
                column: "DecidedOn");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_MeetingId",
                table: "Decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_RecommendationId",
                table: "Decisions",
                column: "RecommendationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_ReportId",
                table: "Decisions",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ForwardPlanEntries_BodyId",
                table: "ForwardPlanEntries",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_ForwardPlanEntries_DecisionDue",
                table: "ForwardPlanEntries",
                column: "DecisionDue");

            migrationBuilder.CreateIndex(
                name: "IX_ForwardPlanEntries_LeadOfficerId",
                table: "ForwardPlanEntries",
                column: "LeadOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_ReadingNotes_PersonId_ReportId",
                table: "ReadingNotes",
                columns: new[] { "PersonId", "ReportId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReadingNotes_ReportId",
                table: "ReadingNotes",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Recommendations_ReportId",
                table: "Recommendations",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportQuestions_AnsweredById",
                table: "ReportQuestions",
                column: "AnsweredById");

            migrationBuilder.CreateIndex(
                name: "IX_ReportQuestions_AskedById",
                table: "ReportQuestions",
                column: "AskedById");

            migrationBuilder.CreateIndex(
                name: "IX_ReportQuestions_ReportId",
                table: "ReportQuestions",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AgendaItemId",
                table: "Reports",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_AuthorId",
                table: "Reports",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_BodyId",
                table: "Reports",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ChiefOfficerId",
                table: "Reports",
                column: "ChiefOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ClearedById",
                table: "Reports",
                column: "ClearedById");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_ForwardPlanEntryId",
                table: "Reports",
                column: "ForwardPlanEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_Reports_MeetingId_Status",
                table: "Reports",
                columns: new[] { "MeetingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Reports_Reference",
                table: "Reports",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSections_ReportId_Kind",
                table: "ReportSections",
                columns: new[] { "ReportId", "Kind" },
                unique: true);

            // The search index (SQLite FTS5): only what may be shown to its audience is ever
            // written here, so exempt content cannot come back from a search. The rowid is
            // derived from the kind and id of what is indexed; Audience holds one token naming
            // the body ("body3"), so the access filter is part of the match (see SearchIndex).
            migrationBuilder.Sql(
                "CREATE VIRTUAL TABLE SearchIndex USING fts5(" +
                "Title, Body, Audience, Kind UNINDEXED, ItemId UNINDEXED, Date UNINDEXED, " +
                "tokenize = 'unicode61 remove_diacritics 2');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS SearchIndex;");

            migrationBuilder.DropTable(
                name: "AnnexContents");

            migrationBuilder.DropTable(
                name: "DecisionLinks");

            migrationBuilder.DropTable(
                name: "ReadingNotes");

            migrationBuilder.DropTable(
                name: "ReportQuestions");

            migrationBuilder.DropTable(
                name: "ReportSections");

            migrationBuilder.DropTable(
                name: "Annexes");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "Recommendations");

            migrationBuilder.DropTable(
                name: "Reports");

            migrationBuilder.DropTable(
                name: "ForwardPlanEntries");
        }
    }
}
