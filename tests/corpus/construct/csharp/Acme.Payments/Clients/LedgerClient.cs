using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Razorpay.Api;

namespace Acme.Payments.Clients
{
    public class LedgerClient
    {
        private const string LedgerServiceToken = "hbpKjZ5bRSlNeO6ziATTSrLPEeAjrgPGjjEHqax7";

        private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://ledger.internal.acme-payments.dev/") };

        public static RazorpayClient Razorpay() => new RazorpayClient(
            "rzp_live_yzI50viovZZpwI",
            "bVp2fmaWzTaUEb23TRdVU1mt");

        public async Task PostTotalAsync(HttpContent body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "totals") { Content = body };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", LedgerServiceToken);
            (await _http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        public async Task PostTotalEnvAsync(HttpContent body)
        {
            var token = Environment.GetEnvironmentVariable("LEDGER_TOKEN");
            using var request = new HttpRequestMessage(HttpMethod.Post, "totals") { Content = body };
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
            (await _http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        public async Task PostTotalTemplateAsync(HttpContent body, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "totals") { Content = body };
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer {token}");
            (await _http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        public async Task PostTotalQuotedAsync(HttpContent body, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "totals") { Content = body };
            request.Headers.TryAddWithoutValidation("Authorization", $"Bearer \"{token}\"");
            (await _http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        public async Task PostTotalOAuthAsync(HttpContent body, string accessToken)
        {
            var bearer = $"Bearer {accessToken}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "totals") { Content = body };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            (await _http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        public async Task PostTotalOAuthFixedAsync(HttpContent body, string accessToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "totals") { Content = body };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            (await _http.SendAsync(request)).EnsureSuccessStatusCode();
        }

        public async Task PostTotalBareAsync(HttpContent body, string keyId, string keySecret)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{keySecret}"));
            using var request = new HttpRequestMessage(HttpMethod.Post, "totals") { Content = body };
            request.Headers.TryAddWithoutValidation("Authorization", token);
            (await _http.SendAsync(request)).EnsureSuccessStatusCode();
        }
    }
}
