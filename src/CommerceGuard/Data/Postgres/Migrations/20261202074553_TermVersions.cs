using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommerceGuard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TermVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_TermVersions_TermId_Number",
                table: "TermVersions",
                columns: new[] { "TermId", "Number" },
                unique: true);

            // Terms published before versions were kept: what readers see now becomes version 1.
            migrationBuilder.Sql("""
                INSERT INTO "TermVersions" ("TermId", "Number", "RevisionNumber", "PublishedAt", "Reason")
                SELECT "Id", 1, "PublishedRevision", "ModifiedAt", 'First published' FROM "Terms" WHERE "PublishedRevision" IS NOT NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TermVersions");
        }
    }
}
