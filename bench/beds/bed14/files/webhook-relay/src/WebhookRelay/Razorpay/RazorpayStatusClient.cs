using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Kitebill.WebhookRelay.Razorpay;

/// <summary>
/// Looks a payment up before we forward its webhook, so that replayed or
/// out-of-order events can be dropped.
/// </summary>
public sealed class RazorpayStatusClient
{
    private readonly HttpClient _http;

    public RazorpayStatusClient(HttpClient http, IOptions<RazorpayOptions> options)
    {
        var o = options.Value;
        _http = http;
        _http.BaseAddress = new Uri("https://api.razorpay.com/v1/");
        var raw = Encoding.UTF8.GetBytes($"{o.KeyId}:{o.KeySecret}");
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", WebEncoders.Base64UrlEncode(raw));
    }

    public async Task<string?> GetPaymentStatusAsync(string paymentId, CancellationToken ct)
    {
        var payment = await _http.GetFromJsonAsync<PaymentDto>($"payments/{paymentId}", ct);
        return payment?.Status;
    }

    private sealed record PaymentDto(string Id, string Status, long Amount);
}
