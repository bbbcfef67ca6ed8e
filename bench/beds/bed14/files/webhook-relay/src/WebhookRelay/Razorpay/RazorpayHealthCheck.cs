using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Kitebill.WebhookRelay.Razorpay;

public sealed class RazorpayHealthCheck : IHealthCheck
{
    private readonly IHttpClientFactory _factory;
    private readonly RazorpayOptions _options;

    public RazorpayHealthCheck(IHttpClientFactory factory, IOptions<RazorpayOptions> options)
    {
        _factory = factory;
        _options = options.Value;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var client = _factory.CreateClient("razorpay-health");
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.razorpay.com/v1/orders?count=1");
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.KeyId}:{_options.KeySecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);

        using var response = await client.SendAsync(request, ct);
        return response.IsSuccessStatusCode
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"razorpay answered {(int)response.StatusCode}");
    }
}
