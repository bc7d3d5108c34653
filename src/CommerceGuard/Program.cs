using CommerceGuard.Data;
using CommerceGuard.Features.Api;
using CommerceGuard.Features.Accounts;
using CommerceGuard.Features.Audit;
using CommerceGuard.Features.Caching;
using CommerceGuard.Features.Cli;
using CommerceGuard.Features.Community;
using CommerceGuard.Features.Content;
using CommerceGuard.Features.Feedback;
using CommerceGuard.Features.Glossary;
using CommerceGuard.Features.Interchange;
using CommerceGuard.Features.Operations;
using CommerceGuard.Features.Search;
using CommerceGuard.Features.Shared;
using CommerceGuard.Features.Syndication;

var builder = WebApplication.CreateBuilder(args);

builder.AddGlossaryData();
builder.AddPageCache();
builder.AddCompression();
builder.AddSitePages();
builder.AddContentPipeline();
builder.AddGlossary();
builder.AddRateLimits();
builder.AddSpamDefence();
builder.AddFeedback();
builder.AddCommunity();
builder.AddGlossarySearch();
builder.AddAccounts();
builder.AddAudit();
builder.AddInterchange();
builder.AddSyndication();
builder.AddGlossaryApi();
builder.AddOperations();

var app = builder.Build();

if (!CommandLine.ManagesSchema(args))
{
    await app.MigrateGlossaryDataOnStartAsync();
}
if (CommandLine.IsCommand(args))
{
    // Commands work on the database as it is: the starter glossary is the site's, not theirs.
    return await app.RunCommandAsync(args);
}
await app.LoadStarterGlossaryAsync();

app.UseSecurityHeaders();
app.UseOperations();
app.UseSitePages();
app.UseRateLimits();
app.UseGlossaryApi();
app.UseAccounts();
app.UsePageCache();
app.UseCompression();
app.MapFeedback();
app.MapFormStamps(FeedbackEndpoints.FormName);
app.MapSyndication();
app.MapGlossaryApi();
app.MapHealth();
app.MapSitePages();

await app.RunAsync();
return 0;

/// <summary>The app's entry point; public so that tests can host it.</summary>
public partial class Program;
