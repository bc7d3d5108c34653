using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceGuard.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RetiredTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReplacedById",
                table: "Terms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Terms_ReplacedById",
                table: "Terms",
                column: "ReplacedById");

            migrationBuilder.AddForeignKey(
                name: "FK_Terms_Terms_ReplacedById",
                table: "Terms",
                column: "ReplacedById",
                principalTable: "Terms",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Terms_Terms_ReplacedById",
                table: "Terms");

            migrationBuilder.DropIndex(
                name: "IX_Terms_ReplacedById",
                table: "Terms");

            migrationBuilder.DropColumn(
                name: "ReplacedById",
                table: "Terms");
        }
    }
}
