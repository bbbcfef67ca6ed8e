using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Options;

namespace Settlement.Api.Razorpay;

public sealed class RazorpayHttpClient
{
    private readonly HttpClient _http;
    private readonly string _keyId;
    private readonly string _keySecret;
    private readonly string _basicToken;

    public RazorpayHttpClient(HttpClient http, IOptions<RazorpayOptions> options)
    {
        _http = http;
        _http.BaseAddress = new Uri("https://api.razorpay.com/v1/");
        _keyId = options.Value.KeyId;
        _keySecret = options.Value.KeySecret;
        _basicToken = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_keyId}:{_keySecret}"));
    }

    public async Task<SettlementDto?> GetSettlementAsync(string id, CancellationToken ct)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, $"settlements/{id}");
        req.Headers.Authorization = new AuthenticationHeaderValue("Basic", _basicToken);
        using var res = await _http.SendAsync(req, ct);
        res.EnsureSuccessStatusCode();
        return await res.Content.ReadFromJsonAsync<SettlementDto>(cancellationToken: ct);
    }

    public async Task<string> DownloadReconAsync(int year, int month, CancellationToken ct)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, $"settlements/recon/combined?year={year}&month={month}");
        var raw = Encoding.UTF8.GetBytes($"{_keyId}:{_keySecret}");
        req.Headers.TryAddWithoutValidation("Authorization", $"Basic {raw}");
        using var res = await _http.SendAsync(req, ct);
        res.EnsureSuccessStatusCode();
        return await res.Content.ReadAsStringAsync(ct);
    }

    public async Task<TransferListDto?> GetTransfersAsync(CancellationToken ct)
    {
        using var req = new HttpRequestMessage(HttpMethod.Get, "transfers");
        req.Headers.TryAddWithoutValidation("Authorization", "Basic {_basicToken}");
        using var res = await _http.SendAsync(req, ct);
        res.EnsureSuccessStatusCode();
        return await res.Content.ReadFromJsonAsync<TransferListDto>(cancellationToken: ct);
    }
}
