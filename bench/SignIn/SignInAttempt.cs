using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

/// <summary>One refused sign-in as a browser makes it: the form is fetched first (untimed), then the post is timed.</summary>
static partial class SignInAttempt
{
    public static async Task<double> TimeAsync(Uri baseUrl, string email, string password)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var form = await client.GetStringAsync("login");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("login", body);
        var page = await response.Content.ReadAsStringAsync();
        clock.Stop();
        if (response.StatusCode != HttpStatusCode.OK || !page.Contains("role=\"alert\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"{email}: expected a refusal on the sign-in page, got {(int)response.StatusCode}.");
        return clock.Elapsed.TotalMilliseconds;
    }

    [GeneratedRegex(@"<input(?=[^>]*name=""__RequestVerificationToken"")[^>]*value=""([^""]+)""")]
    private static partial Regex Token();
}
