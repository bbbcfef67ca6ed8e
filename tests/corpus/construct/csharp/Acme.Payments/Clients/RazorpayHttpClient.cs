using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;

namespace Acme.Payments.Clients
{
    /// <summary>Typed HttpClient for the Razorpay REST API (registered with AddHttpClient).</summary>
    public sealed class RazorpayHttpClient
    {
        private static readonly string KeySecret =
            Environment.GetEnvironmentVariable("RAZORPAY_KEY_SECRET") ?? "CI5P8aOCqRLvkxesYnrNkz01";

        private readonly HttpClient _http;

        public RazorpayHttpClient(HttpClient http)
        {
            _http = http;
            _http.BaseAddress = new Uri("https://api.razorpay.com/v1/");
        }

        public static string BasicToken(string keyId, string keySecret)
        {
            return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{keySecret}"));
        }

        public void UseBasic(string keyId, string keySecret)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{keySecret}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        public void UseBasicAscii(string keyId, string keySecret)
        {
            var token = Convert.ToBase64String(Encoding.ASCII.GetBytes(keyId + ":" + keySecret));
            _http.DefaultRequestHeaders.Add("Authorization", "Basic " + token);
        }

        public void UseBasicFormat(string keyId, string keySecret)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Join(":", keyId, keySecret)));
            _http.DefaultRequestHeaders.Add("Authorization", string.Format("Basic {0}", token));
        }

        public void UseBasicInline(string keyId, string keySecret)
        {
            _http.DefaultRequestHeaders.Add("Authorization", $"Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{keySecret}"))}");
        }

        public void UseBasicSpaced(string keyId, string keySecret)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{keySecret}"));
            _http.DefaultRequestHeaders.Add("Authorization", "Basic  " + token);
        }

        public void UseBasicNoColon(string keyId, string keySecret)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(keyId + keySecret));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        public void UseBasicLower(string keyId, string keySecret)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("basic", BasicToken(keyId, keySecret));
        }

        public void UseBasicBytes(string keyId, string keySecret)
        {
            var bytes = Encoding.UTF8.GetBytes($"{keyId}:{keySecret}");
            _http.DefaultRequestHeaders.Add("Authorization", "Basic " + bytes);
        }

        public void UseBasicLineBreaks(string keyId, string keySecret)
        {
            var bytes = Encoding.UTF8.GetBytes($"{keyId}:{keySecret}");
            var token = Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks);
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        public void UseBasicTrimmed(string keyId, string keySecret)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{keyId}:{keySecret}")).TrimEnd('=');
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        public void UseBasicUrlSafe(string keyId, string keySecret)
        {
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{keyId}:{keySecret}"));
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        public void UseBasicPlain(string keyId, string keySecret)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", $"{keyId}:{keySecret}");
        }

        public Task<string> SettlementsAsync() => _http.GetStringAsync("settlements");
    }
}
