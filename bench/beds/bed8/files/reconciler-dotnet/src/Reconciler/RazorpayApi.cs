using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;

namespace Acme.Reconciler;

public sealed class RazorpayOptions
{
    public string KeyId { get; set; } = "";
    public string KeySecret { get; set; } = "";
}

public sealed class RazorpayApi
{
    private const string BaseUrl = "https://api.razorpay.com/v1/";

    private readonly HttpClient _http;
    private readonly RazorpayOptions _options;

    public RazorpayApi(HttpClient http, IOptions<RazorpayOptions> options)
    {
        _http = http;
        _options = options.Value;
        _http.BaseAddress = new Uri(BaseUrl);
        var raw = Encoding.UTF8.GetBytes($"{_options.KeyId}:{_options.KeySecret}");
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(raw));
    }

    public async Task<JsonDocument> GetSettlementAsync(string id)
    {
        using var resp = await _http.GetAsync($"settlements/{id}");
        resp.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await resp.Content.ReadAsStreamAsync());
    }

    public async Task<JsonDocument> GetPaymentAsync(string id)
    {
        var bytes = Encoding.UTF8.GetBytes(_options.KeyId + ":" + _options.KeySecret);
        var token = Convert.ToBase64String(bytes);
        using var req = new HttpRequestMessage(HttpMethod.Get, $"payments/{id}");
        req.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        using var resp = await _http.SendAsync(req);
        resp.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await resp.Content.ReadAsStreamAsync());
    }

    public async Task<JsonDocument> GetRefundsAsync(string paymentId)
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.KeyId}:{_options.KeySecret}"));
        using var req = new HttpRequestMessage(HttpMethod.Get, $"payments/{paymentId}/refunds");
        req.Headers.Authorization = new AuthenticationHeaderValue("basic", token);
        using var resp = await _http.SendAsync(req);
        resp.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await resp.Content.ReadAsStreamAsync());
    }

    public async Task<JsonDocument> GetOrderAsync(string orderId)
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.KeyId}:{_options.KeySecret}"));
        using var req = new HttpRequestMessage(HttpMethod.Get, $"orders/{orderId}");
        req.Headers.TryAddWithoutValidation("Authorization", "Basic {token}");
        using var resp = await _http.SendAsync(req);
        resp.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await resp.Content.ReadAsStreamAsync());
    }

    public async Task<JsonDocument> GetTransfersAsync(string paymentId)
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.KeyId}:{_options.KeySecret}"));
        using var req = new HttpRequestMessage(HttpMethod.Get, $"payments/{paymentId}/transfers");
        req.Headers.TryAddWithoutValidation("Authorization", $"Basic {token}");
        using var resp = await _http.SendAsync(req);
        resp.EnsureSuccessStatusCode();
        return await JsonDocument.ParseAsync(await resp.Content.ReadAsStreamAsync());
    }
}
