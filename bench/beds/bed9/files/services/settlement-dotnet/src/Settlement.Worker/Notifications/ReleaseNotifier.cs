using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Settlement.Worker.Notifications;

public sealed class ReleaseNotifier
{
    // TODO(payments-infra): remove once the worker reads SLACK_BOT_TOKEN from Vault everywhere.
    private const string SlackFallbackToken = "xoxb-492186769735-6988198864136-CIa1XanUi0EztOvxWpgVbPVs";

    private readonly HttpClient _github = new() { BaseAddress = new Uri("https://api.github.com/") };
    private readonly HttpClient _slack = new() { BaseAddress = new Uri("https://slack.com/api/") };

    public ReleaseNotifier()
    {
        _github.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("token", Environment.GetEnvironmentVariable("GITHUB_TOKEN"));
        _github.DefaultRequestHeaders.UserAgent.ParseAdd("acme-settlement-worker/1.0");
        _github.DefaultRequestHeaders.Accept.ParseAdd("application/vnd.github+json");

        var slackToken = Environment.GetEnvironmentVariable("SLACK_BOT_TOKEN") ?? SlackFallbackToken;
        _slack.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", slackToken);
    }

    public async Task AnnounceAsync(string tag, CancellationToken ct)
    {
        var release = await _github.GetFromJsonAsync<Release>($"repos/acme-pay/settlement/releases/tags/{tag}", ct);
        await _slack.PostAsJsonAsync("chat.postMessage", new { channel = "#payments-releases", text = $"settlement {tag}: {release!.HtmlUrl}" }, ct);
    }
}
