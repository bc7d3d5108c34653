using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceGuard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TermSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TermSuggestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Requests = table.Column<int>(type: "INTEGER", nullable: false),
                    SuggestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastRequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermSuggestions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TermSuggestions_Language_Key_Status",
                table: "TermSuggestions",
                columns: new[] { "Language", "Key", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TermSuggestions");
        }
    }
}
