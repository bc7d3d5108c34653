using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;

namespace CommerceGuard.Tests.Community;

public sealed class VolunteerTests(GlossaryApp app) : IClassFixture<GlossaryApp>
{
    private static List<KeyValuePair<string, string>> Offer(
        string name = "Rosa Parks", string email = "rosa@example.org", string message = "I can help on weekends.",
        bool consent = true, params string[] interests)
    {
        List<KeyValuePair<string, string>> fields =
            [new("Form.Name", name), new("Form.Email", email), new("Form.Message", message)];
        fields.AddRange(interests.Select(interest => new KeyValuePair<string, string>("Form.Interests", interest)));
        if (consent)
        {
            fields.Add(new("Form.Consent", "true"));
        }
        return fields;
    }

    private async Task<IHtmlDocument> RefusedAsync(List<KeyValuePair<string, string>> offer)
    {
        var before = await app.WithDbAsync(db => db.Volunteers.CountAsync());
        using var response = await app.Browser().SubmitAsync("/volunteer", offer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Volunteers.CountAsync()));
        return await Pages.ParseAsync(response);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("two@@example.org")]
    [InlineData("nobody@localhost")]
    [InlineData("Rosa <rosa@example.org>")]
    public async Task A_bad_email_is_refused_with_a_message_beside_the_field_and_nothing_is_stored(string email)
    {
        var page = await RefusedAsync(Offer(email: email));

        Assert.Equal("Enter an email address like name@example.org.", page.QuerySelector("#email-error")!.Text());
        Assert.Equal(email, ((IHtmlInputElement)page.QuerySelector("#Form_Email")!).Value);
    }

    [Fact]
    public async Task An_over_long_message_is_refused_with_a_message_and_nothing_is_stored()
    {
        var page = await RefusedAsync(Offer(message: new string('m', 2001)));

        Assert.Equal("Anything else you would like us to know must be 2000 characters or fewer.", page.QuerySelector("#message-error")!.Text());
    }

    [Fact]
    public async Task A_message_of_exactly_2000_characters_with_line_breaks_is_accepted()
    {
        var message = string.Concat(Enumerable.Repeat(new string('m', 99) + "\r\n", 20)).TrimEnd();
        Assert.True(message.Length > 2000);

        using var response = await app.Browser().SubmitAsync("/volunteer", Offer(email: "lines@example.org", message: message));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_message_of_2000_characters_outside_ascii_is_accepted()
    {
        using var response = await app.Browser().SubmitAsync("/volunteer", Offer(email: "wide@example.org", message: new string('界', 2000)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_post_is_refused_without_a_failure_and_nothing_is_stored()
    {
        using var response = await app.Browser().SubmitAsync("/volunteer", Offer(email: "huge@example.org", message: new string('h', 200_000)));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.False(await app.WithDbAsync(db => db.Volunteers.AnyAsync(v => v.Email == "huge@example.org")));
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("on")]
    public async Task A_consent_value_that_is_not_true_is_refused_on_the_form_not_with_a_failure(string consent)
    {
        var offer = Offer(email: "odd-consent@example.org", consent: false);
        offer.Add(new("Form.Consent", consent));

        var page = await RefusedAsync(offer);

        Assert.NotNull(page.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task An_over_long_name_is_refused()
    {
        var page = await RefusedAsync(Offer(name: new string('n', 101)));

        Assert.Equal("Your name must be 100 characters or fewer.", page.QuerySelector("#name-error")!.Text());
    }

    [Fact]
    public async Task Missing_consent_is_refused_with_a_message_and_nothing_is_stored()
    {
        var page = await RefusedAsync(Offer(consent: false));

        Assert.StartsWith("Check the box", page.QuerySelector("#consent-error")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Form_Consent']"));
    }

    [Fact]
    public async Task Missing_name_and_email_are_both_reported()
    {
        var page = await RefusedAsync(Offer(name: "", email: ""));

        Assert.Equal("Enter your name.", page.QuerySelector("#name-error")!.Text());
        Assert.Equal("Enter your email address.", page.QuerySelector("#email-error")!.Text());
    }

    [Fact]
    public async Task Every_mistake_in_a_form_is_reported_at_once()
    {
        var page = await RefusedAsync(Offer(name: "", email: "nope", consent: false, interests: ["astrology"]));

        Assert.Equal(4, page.QuerySelectorAll(".error-summary li").Length);
        Assert.Equal("true", page.QuerySelector("#Form_Email")!.GetAttribute("aria-invalid"));
        Assert.Null(page.QuerySelector("#Form_Message")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task An_interest_not_on_the_list_is_refused()
    {
        var page = await RefusedAsync(Offer(interests: ["astrology"]));

        Assert.Contains("Choose from the areas listed.", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_offer_is_stored_and_the_volunteer_is_thanked()
    {
        var browser = app.Browser();

        using var response = await browser.SubmitAsync("/volunteer", Offer(email: "ada@example.org", interests: ["research", "translation"]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/volunteer/thanks", response.Headers.Location!.OriginalString);
        var volunteer = await app.WithDbAsync(db => db.Volunteers.SingleAsync(v => v.Email == "ada@example.org"));
        Assert.Equal("Rosa Parks", volunteer.Name);
        Assert.Equal(["research", "translation"], volunteer.Interests);
        Assert.Equal("I can help on weekends.", volunteer.Message);
        Assert.True(volunteer.ConsentGiven);
        var thanks = await browser.GetPageAsync("/volunteer/thanks");
        Assert.Equal("Thank you for offering to help", thanks.QuerySelector("h1")!.Text());
    }

    [Fact]
    public async Task Offering_again_with_the_same_email_updates_the_earlier_entry()
    {
        await app.Browser().SubmitAsync("/volunteer", Offer(name: "First Name", email: "same@example.org", interests: ["legal"]));

        await app.Browser().SubmitAsync("/volunteer", Offer(name: "Second Name", email: "  SAME@Example.org ", interests: ["outreach"]));

        var volunteer = await app.WithDbAsync(db => db.Volunteers.SingleAsync(v => v.Email == "same@example.org"));
        Assert.Equal("Second Name", volunteer.Name);
        Assert.Equal(["outreach"], volunteer.Interests);
        Assert.True(volunteer.UpdatedAt >= volunteer.SubmittedAt);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        using var response = await app.Browser().PostAsync(new Uri("/volunteer", UriKind.Relative), new FormUrlEncodedContent(Offer(email: "forged@example.org")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Volunteers.AnyAsync(v => v.Email == "forged@example.org")));
    }

    [Fact]
    public async Task The_form_offers_every_interest_with_a_label()
    {
        var page = await app.Browser().GetPageAsync("/volunteer");

        var boxes = page.QuerySelectorAll("input[name='Form.Interests']").ToList();
        Assert.Equal(6, boxes.Count);
        Assert.All(boxes, box => Assert.NotNull(page.QuerySelector($"label[for='{box.Id}']")));
    }
}
