using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommerceGuard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TrustAndRedress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "HandledAt",
                table: "Votes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "Votes",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReplacedById",
                table: "Terms",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReviewedAt",
                table: "Terms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "Terms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewerDisclosure",
                table: "Terms",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewMonths",
                table: "Categories",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ComplaintChannels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Handles = table.Column<string>(type: "character varying(600)", maxLength: 600, nullable: false),
                    Address = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    CategoryIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    States = table.Column<List<string>>(type: "text[]", nullable: false),
                    DisplayOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintChannels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SourceLinks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Address = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: true),
                    Problem = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Failures = table.Column<int>(type: "integer", nullable: false),
                    BrokenSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SourceLinks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TermReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AccountId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Disclosure = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TermReviews_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TermSuggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Requests = table.Column<int>(type: "integer", nullable: false),
                    SuggestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastRequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HandledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermSuggestions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TermVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    RevisionNumber = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TermVersions_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Terms_ReplacedById",
                table: "Terms",
                column: "ReplacedById");

            migrationBuilder.CreateIndex(
                name: "IX_SourceLinks_Address",
                table: "SourceLinks",
                column: "Address",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TermReviews_TermId_At",
                table: "TermReviews",
                columns: new[] { "TermId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TermSuggestions_Language_Key_Status",
                table: "TermSuggestions",
                columns: new[] { "Language", "Key", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TermVersions_TermId_Number",
                table: "TermVersions",
                columns: new[] { "TermId", "Number" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Terms_Terms_ReplacedById",
                table: "Terms",
                column: "ReplacedById",
                principalTable: "Terms",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            // Terms published before versions were kept: what readers see now becomes version 1. A
            // term loaded whole (the starter glossary, a generated one) has no revision yet; its
            // first save makes its text as loaded revision 1, which is what version 1 names.
            migrationBuilder.Sql("""
                INSERT INTO "TermVersions" ("TermId", "Number", "RevisionNumber", "PublishedAt", "Reason")
                SELECT "Id", 1, COALESCE("PublishedRevision", 1), "ModifiedAt", 'First published' FROM "Terms"
                WHERE "PublishedRevision" IS NOT NULL OR "Status" = 'Published'
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Terms_Terms_ReplacedById",
                table: "Terms");

            migrationBuilder.DropTable(
                name: "ComplaintChannels");

            migrationBuilder.DropTable(
                name: "SourceLinks");

            migrationBuilder.DropTable(
                name: "TermReviews");

            migrationBuilder.DropTable(
                name: "TermSuggestions");

            migrationBuilder.DropTable(
                name: "TermVersions");

            migrationBuilder.DropIndex(
                name: "IX_Terms_ReplacedById",
                table: "Terms");

            migrationBuilder.DropColumn(
                name: "HandledAt",
                table: "Votes");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "Votes");

            migrationBuilder.DropColumn(
                name: "ReplacedById",
                table: "Terms");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Terms");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "Terms");

            migrationBuilder.DropColumn(
                name: "ReviewerDisclosure",
                table: "Terms");

            migrationBuilder.DropColumn(
                name: "ReviewMonths",
                table: "Categories");
        }
    }
}
