package partner

import (
	"context"
	"net/http"
)

type Client struct {
	token string
	http  *http.Client
}

func (c *Client) Statements(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.partner-bank.example/v2/statements", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	return c.http.Do(req)
}

func (c *Client) Health(ctx context.Context) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://api.partner-bank.example/v2/health", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtMjY5MiIsImlhdCI6MTc2MDMwNTQ5NH0.rP7iFy3N1CgEshVlM9YxUUMWqBEqw1xPyHj10ZqcStT")
	return c.http.Do(req)
}

func (c *Client) Sandbox(req *http.Request) {
	req.Header.Set("Authorization", "Bearer <token>")
}
