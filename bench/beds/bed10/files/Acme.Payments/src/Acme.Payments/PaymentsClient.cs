using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace Acme.Payments
{
    public sealed class PaymentsClient : IDisposable
    {
        private readonly HttpClient _http;

        public PaymentsClient(string keyId, string keySecret, HttpClient? http = null)
        {
            if (string.IsNullOrEmpty(keyId)) throw new ArgumentException("Key id is required", nameof(keyId));
            _http = http ?? new HttpClient { BaseAddress = new Uri("https://api.razorpay.com/v1/") };
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{keySecret}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
            _http.DefaultRequestHeaders.UserAgent.ParseAdd("Acme.Payments/2.1.0");
        }

        public Task<string> GetPartnerAccountAsync(string accessToken, string accountId)
        {
            var req = new HttpRequestMessage(HttpMethod.Get, $"https://api.razorpay.com/v2/accounts/{accountId}");
            req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", $"Bearer {accessToken}");
            return _http.SendAsync(req).ContinueWith(t => t.Result.Content.ReadAsStringAsync()).Unwrap();
        }

        public void Dispose() => _http.Dispose();
    }
}
