using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceGuard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Translations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TranslatedRevision",
                table: "Terms",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TranslationOfId",
                table: "Terms",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CategoryTranslations",
                columns: table => new
                {
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryTranslations", x => new { x.CategoryId, x.Language });
                    table.ForeignKey(
                        name: "FK_CategoryTranslations_Categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "Categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Terms_TranslationOfId_Language",
                table: "Terms",
                columns: new[] { "TranslationOfId", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CategoryTranslations_Language_Slug",
                table: "CategoryTranslations",
                columns: new[] { "Language", "Slug" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Terms_Terms_TranslationOfId",
                table: "Terms",
                column: "TranslationOfId",
                principalTable: "Terms",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Terms_Terms_TranslationOfId",
                table: "Terms");

            migrationBuilder.DropTable(
                name: "CategoryTranslations");

            migrationBuilder.DropIndex(
                name: "IX_Terms_TranslationOfId_Language",
                table: "Terms");

            migrationBuilder.DropColumn(
                name: "TranslatedRevision",
                table: "Terms");

            migrationBuilder.DropColumn(
                name: "TranslationOfId",
                table: "Terms");
        }
    }
}
