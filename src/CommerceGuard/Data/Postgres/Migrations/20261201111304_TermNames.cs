using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceGuard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TermNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TermNames",
                columns: table => new
                {
                    TermId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Skeleton = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TermNames", x => new { x.TermId, x.Name });
                    table.ForeignKey(
                        name: "FK_TermNames_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TermNames_Language_Skeleton",
                table: "TermNames",
                columns: new[] { "Language", "Skeleton" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TermNames");
        }
    }
}
