using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommerceGuard.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TermAutoLink : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AutoLink",
                table: "Terms",
                type: "boolean",
                nullable: false,
                defaultValue: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutoLink",
                table: "Terms");
        }
    }
}
