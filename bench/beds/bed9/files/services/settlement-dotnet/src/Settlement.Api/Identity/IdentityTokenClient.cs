using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Settlement.Api.Identity;

/// <summary>client_credentials grant against the internal IdP. Client ids are
/// GUIDs and client secrets 48 characters, so the pair is about 85 bytes.</summary>
public sealed class IdentityTokenClient
{
    private readonly IHttpClientFactory _factory;
    private readonly string _clientId = Environment.GetEnvironmentVariable("IDP_CLIENT_ID")!;
    private readonly string _clientSecret = Environment.GetEnvironmentVariable("IDP_CLIENT_SECRET")!;

    public IdentityTokenClient(IHttpClientFactory factory) => _factory = factory;

    public async Task<string> GetTokenAsync(CancellationToken ct)
    {
        var pair = Encoding.UTF8.GetBytes($"{_clientId}:{_clientSecret}");
        var basic = Convert.ToBase64String(pair, Base64FormattingOptions.InsertLineBreaks);
        using var req = new HttpRequestMessage(HttpMethod.Post, "https://idp.internal.acme-pay.net/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["scope"] = "settlement.read journal.write",
            }),
        };
        req.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        using var res = await _factory.CreateClient("idp").SendAsync(req, ct);
        res.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync(ct));
        return doc.RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<HttpClient> JournalClientAsync(CancellationToken ct)
    {
        var token = await GetTokenAsync(ct);
        var client = _factory.CreateClient("journal");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
