package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

func TestRedactingLoggerHidesToken(t *testing.T) {
	const token = "123456:SECRET-token"
	var buf bytes.Buffer
	log := redactLogger(slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})), token)

	leaky := fmt.Errorf("post https://api.telegram.org/bot%s/sendMessage: %w", token, errors.New("refused"))
	log.With("url", "https://x/bot"+token+"/getMe").
		Error("call failed "+token, "error", leaky, slog.Group("req", "path", "/bot"+token), "n", 3)

	out := buf.String()
	if strings.Contains(out, token) {
		t.Fatalf("token in log: %s", out)
	}
	for _, want := range []string{`"n":3`, "refused", "/bot***/sendMessage"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lost %q: %s", want, out)
		}
	}
}

func TestPollerErrorsDoNotCarryTheToken(t *testing.T) {
	const token = "123456:SECRET-token"
	m, _ := newMetrics(prometheus.NewRegistry())
	p := &poller{
		client:      &jsonClient{http: &http.Client{Timeout: time.Second}, base: "http://127.0.0.1:1/bot" + token},
		pollTimeout: time.Second,
		metrics:     m,
	}
	_, err := p.getUpdates(context.Background(), 0)
	if err == nil {
		t.Fatal("getUpdates against a closed port succeeded")
	}
	if strings.Contains(err.Error(), token) || strings.Contains(err.Error(), "SECRET") {
		t.Fatalf("token in error: %v", err)
	}
}
