using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kitebill.WebhookRelay.Forwarding;

public sealed class PartnerForwarder
{
    private readonly HttpClient _http;
    private readonly RelayOptions _options;
    private readonly ILogger<PartnerForwarder> _logger;

    public PartnerForwarder(HttpClient http, IOptions<RelayOptions> options, ILogger<PartnerForwarder> logger)
    {
        _http = http;
        _options = options.Value;
        _logger = logger;
        _http.BaseAddress = new Uri(_options.LenderBaseUrl);
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _options.LenderToken);
    }

    public async Task ForwardToLenderAsync(string eventType, string payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/repayment-events");
        request.Content = new StringContent(payload, Encoding.UTF8, "application/json");
        request.Headers.Add("X-Event-Type", eventType);

        using var response = await _http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            _logger.LogWarning("Lender rejected {EventType}: {Status}", eventType, (int)response.StatusCode);
        }
        response.EnsureSuccessStatusCode();
    }

    public async Task NotifyLedgerAsync(string payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _options.LedgerUrl);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer {_options.LedgerToken}");
        request.Content = new StringContent(payload, Encoding.UTF8, "application/json");

        using var response = await _http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}
