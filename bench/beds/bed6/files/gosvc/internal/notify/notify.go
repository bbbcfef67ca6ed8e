package notify

import (
	"net/http"
	"os"
	"strings"
)

type Notifier struct {
	token string
	auth  string
}

func NewNotifier() *Notifier {
	n := &Notifier{token: os.Getenv("NOTIFY_TOKEN")}
	n.auth = "bearer " + n.token
	return n
}

func (n *Notifier) Send(msg string) error {
	req, _ := http.NewRequest("POST", "https://hooks.notify.example.io/v1/msg", strings.NewReader(msg))
	req.Header.Set("Authorization", n.auth)
	_, err := http.DefaultClient.Do(req)
	return err
}

func (n *Notifier) Ping() error {
	req, _ := http.NewRequest("GET", "https://hooks.notify.example.io/v1/ping", nil)
	req.Header.Set("Authorization", "Basic ${NOTIFY_BASIC}")
	_, err := http.DefaultClient.Do(req)
	return err
}
