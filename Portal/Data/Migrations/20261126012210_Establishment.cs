using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations
{
    /// <inheritdoc />
    public partial class Establishment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PostId",
                table: "BodyMembers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Responsibilities",
                table: "BodyMembers",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EstablishmentSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    OnCostPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EstablishmentSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Grades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BandMinimum = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    BandMaximum = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grades", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Posts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    GradeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Fte = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: false),
                    EstablishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    PrincipalAccountabilities = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    KeyResultAreas = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Recruitment = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecruitmentOpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecruitmentClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppointedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Posts_Grades_GradeId",
                        column: x => x.GradeId,
                        principalTable: "Grades",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Posts_OrganisationUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrganisationUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonSpecCriteria",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsEssential = table.Column<bool>(type: "INTEGER", nullable: false),
                    MeasuredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonSpecCriteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonSpecCriteria_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostHoldings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActing = table.Column<bool>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostHoldings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostHoldings_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostHoldings_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PostReportingLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PostId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountableToId = table.Column<int>(type: "INTEGER", nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostReportingLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostReportingLines_Posts_AccountableToId",
                        column: x => x.AccountableToId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PostReportingLines_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatutoryDesignations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PostId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatutoryDesignations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatutoryDesignations_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BodyMembers_PostId",
                table: "BodyMembers",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonSpecCriteria_PostId",
                table: "PersonSpecCriteria",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_PostHoldings_PersonId",
                table: "PostHoldings",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_PostHoldings_PostId_From",
                table: "PostHoldings",
                columns: new[] { "PostId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_PostReportingLines_AccountableToId",
                table: "PostReportingLines",
                column: "AccountableToId");

            migrationBuilder.CreateIndex(
                name: "IX_PostReportingLines_PostId_From",
                table: "PostReportingLines",
                columns: new[] { "PostId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_Posts_GradeId",
                table: "Posts",
                column: "GradeId");

            migrationBuilder.CreateIndex(
                name: "IX_Posts_Number",
                table: "Posts",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Posts_UnitId",
                table: "Posts",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryDesignations_PostId",
                table: "StatutoryDesignations",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryDesignations_Role_From",
                table: "StatutoryDesignations",
                columns: new[] { "Role", "From" });

            migrationBuilder.AddForeignKey(
                name: "FK_BodyMembers_Posts_PostId",
                table: "BodyMembers",
                column: "PostId",
                principalTable: "Posts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_BodyMembers_Posts_PostId",
                table: "BodyMembers");

            migrationBuilder.DropTable(
                name: "EstablishmentSettings");

            migrationBuilder.DropTable(
                name: "PersonSpecCriteria");

            migrationBuilder.DropTable(
                name: "PostHoldings");

            migrationBuilder.DropTable(
                name: "PostReportingLines");

            migrationBuilder.DropTable(
                name: "StatutoryDesignations");

            migrationBuilder.DropTable(
                name: "Posts");

            migrationBuilder.DropTable(
                name: "Grades");

            migrationBuilder.DropIndex(
                name: "IX_BodyMembers_PostId",
                table: "BodyMembers");

            migrationBuilder.DropColumn(
                name: "PostId",
                table: "BodyMembers");

            migrationBuilder.DropColumn(
                name: "Responsibilities",
                table: "BodyMembers");
        }
    }
}
