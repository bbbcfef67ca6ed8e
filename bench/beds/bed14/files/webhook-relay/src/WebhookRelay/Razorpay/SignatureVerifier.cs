using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Kitebill.WebhookRelay.Razorpay;

public sealed class SignatureVerifier
{
    private readonly byte[] _secret;

    public SignatureVerifier(IOptions<RazorpayOptions> options)
    {
        _secret = Encoding.UTF8.GetBytes(options.Value.WebhookSecret);
    }

    public bool IsValid(string body, string? signatureHeader)
    {
        if (string.IsNullOrEmpty(signatureHeader))
        {
            return false;
        }

        var expected = Convert.ToHexString(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signatureHeader));
    }
}
